import path from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import type { VitableView } from "../../sandbox/preview/shared/api";
import { frameViolations } from "./support/axe";
import { saveScreenshot } from "./support/previewPage";
import { usePreview } from "./support/previewFixture";
import { cellShows, cellText, deleteRows, grid, useMenu } from "./support/steps";

/**
 * The menu's Sync to Vitable asks about a large removal in an HTML dialog: Cancel is the default
 * and has focus, Escape (or Enter on Cancel) closes it with nothing sent, and only the red button
 * syncs. Starts from the "sample" workbook: connected, the Roster tab linked to a group the
 * add-on created, so the first sync asks nothing.
 */
const preview = usePreview({ seed: "sample", screenshots: "menuConfirmation" });

const TITLE = "Vitable Roster Sync: confirm";
const DOCS_SCREENSHOTS = path.resolve(__dirname, "../../docs/screenshots");

function dialogPage(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${TITLE}"]`);
}

async function dialogFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(`iframe[title="${TITLE}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("The dialog's frame is not there.");
  return frame;
}

async function vitable(page: Page): Promise<VitableView> {
  return page.evaluate(async () => (await (await fetch("/api/vitable")).json()) as VitableView);
}

/** Opens the dialog from the menu and waits until its question shows. */
async function askToSync(page: Page): Promise<FrameLocator> {
  await useMenu(page, "Sync to Vitable");
  const dialog = dialogPage(page);
  await dialog.getByRole("heading", { name: "Remove 3 people from the Vitable group?" }).waitFor();
  return dialog;
}

/** The element with the keyboard's focus, if the dialog's page has it: its accessible text. */
async function focusedInDialog(page: Page): Promise<string | null> {
  return (await dialogFrame(page)).evaluate(() =>
    document.hasFocus() ? (document.activeElement?.textContent ?? null) : null,
  );
}

it("syncs the sample once, then three rows deleted make the menu's sync ask in the dialog", async () => {
  const { page } = preview;
  await grid(page).waitFor();
  await useMenu(page, "Sync to Vitable");
  const alert = page.getByRole("dialog", { name: "Vitable Roster Sync" });
  await alert.getByText("28 added", { exact: false }).waitFor({ timeout: 30_000 });
  await alert.getByRole("button", { name: "OK", exact: true }).click();

  const fifth = await cellText(page, "B5");
  await deleteRows(page, 2, 4);
  await cellShows(page, "B2", fifth);
  const requests = (await vitable(page)).syncRequests.length;

  const dialog = await askToSync(page);
  await page.getByRole("dialog", { name: TITLE }).waitFor();
  // Each person once, in a list labelled by its heading.
  const people = dialog.getByRole("list", { name: "Who would be removed (3)" });
  expect(await people.getByRole("listitem").count()).toBe(3);
  const alertDialog = dialog.getByRole("alertdialog", { name: "Remove 3 people from the Vitable group?" });
  expect(await alertDialog.getAttribute("aria-describedby")).toBe("why");
  expect(await focusedInDialog(page)).toBe("Cancel");
  // Deleting rows selected them to column Z: the names behind the dialog read better from column A.
  await page.locator(".grid-scroller").evaluate((scroller) => scroller.scrollTo(0, 0));
  await saveScreenshot(page, DOCS_SCREENSHOTS, "menu-confirmation");
  await preview.snap("asked");

  expect(await frameViolations(await dialogFrame(page))).toEqual([]);

  // Escape cancels: the dialog closes and nothing reaches Vitable.
  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: TITLE }).waitFor({ state: "detached" });
  expect((await vitable(page)).syncRequests).toHaveLength(requests);
});

it("cancels on Enter, since Cancel has the focus: the red button needs a press of its own", async () => {
  const { page } = preview;
  const requests = (await vitable(page)).syncRequests.length;
  await askToSync(page);
  expect(await focusedInDialog(page)).toBe("Cancel");
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: TITLE }).waitFor({ state: "detached" });
  expect((await vitable(page)).syncRequests).toHaveLength(requests);
});

it("syncs when the red button is clicked, shows the outcome, and closes", async () => {
  const { page } = preview;
  const requests = (await vitable(page)).syncRequests.length;
  const dialog = await askToSync(page);

  await dialog.getByRole("button", { name: "Remove 3 people and sync", exact: true }).click();
  const outcome = dialog.getByText("3 removed", { exact: false });
  await outcome.waitFor({ timeout: 30_000 });
  expect(await focusedInDialog(page)).toBe("Close");
  await preview.snap("synced");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await page.getByRole("dialog", { name: TITLE }).waitFor({ state: "detached" });

  const after = await vitable(page);
  expect(after.syncRequests).toHaveLength(requests + 1);
  expect(after.groups[0]!.members).toHaveLength(25);
});

it("asks for REMOVE EVERYONE when the tab is emptied, and says so when something else is typed", async () => {
  const { page } = preview;
  const requests = (await vitable(page)).syncRequests.length;
  await deleteRows(page, 2, 30);
  await cellShows(page, "B2", "");
  await useMenu(page, "Sync to Vitable");
  const dialog = dialogPage(page);
  await dialog.getByRole("heading", { name: "Remove everyone from the Vitable group?" }).waitFor();
  expect(await focusedInDialog(page)).toBe("Cancel");

  const phrase = dialog.getByLabel("To go ahead, type REMOVE EVERYONE");
  await phrase.fill("remove");
  await dialog.getByRole("button", { name: "Remove everyone and sync", exact: true }).click();
  await dialog.getByText("Type REMOVE EVERYONE exactly, or choose Cancel.").waitFor();
  expect(await phrase.getAttribute("aria-invalid")).toBe("true");
  expect(await (await dialogFrame(page)).evaluate(() => document.activeElement?.id)).toBe("phrase");
  await preview.snap("typed-phrase");

  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: TITLE }).waitFor({ state: "detached" });
  expect((await vitable(page)).syncRequests).toHaveLength(requests);
});
