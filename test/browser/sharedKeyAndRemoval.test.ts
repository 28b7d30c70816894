import type { Frame, FrameLocator, Page } from "playwright-core";
import { DEFAULT_API_KEY } from "../../sandbox/emulator/state";
import { axeViolations, frameViolations } from "./support/axe";
import { usePreview } from "./support/previewFixture";
import { foldSummary, openFold, openSidebar, section, sidebarButton, useMenu } from "./support/steps";

/**
 * In the 300 px sidebar of the preview: sharing a key with every editor warns and waits for the
 * box to be ticked; "Remove the add-on's data" asks in place, then deletes the log and records
 * tabs and the keys, and the sidebar starts again; the menu asks the same in its dialog. Each
 * state is screenshotted and holds no axe-core violation. The tests run in order.
 */
const preview = usePreview({ seed: "workbook-only", screenshots: "sharedKeyAndRemoval" });

const DIALOG_TITLE = "Remove the add-on's data";
const LOG_TAB = "Vitable Sync Log";

async function dialogFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(`iframe[title="${DIALOG_TITLE}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("The dialog's frame is not there.");
  return frame;
}

function logTab(page: Page) {
  return page.getByRole("tab", { name: LOG_TAB });
}

/** The sidebar's width as drawn: Sheets' sidebar is 300 px. */
async function sidebarWidth(page: Page): Promise<number> {
  return (await page.locator('aside[aria-label="Sidebar"] iframe').boundingBox())?.width ?? 0;
}

async function connectShared(sidebar: FrameLocator): Promise<void> {
  await sidebar.getByLabel("API key").fill(DEFAULT_API_KEY);
  await sidebar.getByRole("radio", { name: "Everyone who edits this spreadsheet" }).check();
}

it("warns what a key shared with every editor allows, and connects only once the box is ticked", async () => {
  const { page, sidebar } = preview;
  // The smallest common laptop window: the warning and Connect must still fit beside the sheet.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("grid", { name: "Roster" }).waitFor();
  await openSidebar(page, sidebar);
  expect(await sidebarWidth(page)).toBeLessThanOrEqual(300);
  const warning = sidebar.locator("#shared-key-risk");
  expect(await warning.textContent()).toBe("");

  await connectShared(sidebar);

  await warning.getByText("now or later, could use this key to sync any group").waitFor();
  const box = sidebar.getByRole("checkbox", {
    name: "I understand that everyone who can edit this spreadsheet can use this key",
  });
  expect(await box.getAttribute("aria-describedby")).toBe("shared-key-risk");
  await preview.snap("shared-key-warning");
  expect(await axeViolations(page)).toEqual([]);

  await sidebarButton(sidebar, "Connect").click();
  await sidebar.getByText("Tick the box above to share the key with every editor, or choose Only me.").waitFor();
  expect(await box.getAttribute("aria-invalid")).toBe("true");
  expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  await preview.snap("shared-key-not-ticked");
  expect(await axeViolations(page)).toEqual([]);
  expect(await logTab(page).count()).toBe(0);

  await box.check();
  await sidebarButton(sidebar, "Connect").click();
  await foldSummary(sidebar, "Connection").filter({ hasText: "••••" }).waitFor();
  // Who connected it is in the log, which the connect made.
  await logTab(page).waitFor();
});

it("removes the add-on's data from the sidebar after asking in place, and starts again", async () => {
  const { page, sidebar } = preview;
  const part = await openFold(sidebar, "This spreadsheet");
  await part.getByRole("button", { name: "Remove the add-on's data…" }).click();
  const question = part.getByRole("group", { name: "Remove the add-on's data from this spreadsheet?" });
  await question.waitFor();
  expect(await question.getByRole("button", { name: "Cancel" }).evaluate((b) => b === document.activeElement)).toBe(
    true,
  );
  await question.getByRole("list", { name: "This deletes:" }).waitFor();
  await question.getByRole("list", { name: "This does not change:" }).waitFor();
  await question.scrollIntoViewIfNeeded();
  await preview.snap("remove-data-question");
  expect(await axeViolations(page)).toEqual([]);

  await question.getByRole("button", { name: "Remove data", exact: true }).click();

  await part.getByText("The add-on's data was removed from this spreadsheet.", { exact: false }).waitFor();
  await section(sidebar, "Connection").getByLabel("API key").waitFor();
  await logTab(page).waitFor({ state: "detached" });
  await preview.snap("remove-data-done");
  expect(await axeViolations(page)).toEqual([]);
});

it("asks the same from the menu, in a dialog with Cancel focused, whose red button removes the data", async () => {
  const { page, sidebar } = preview;
  await sidebar.getByLabel("API key").fill(DEFAULT_API_KEY);
  await sidebarButton(sidebar, "Connect").click();
  await foldSummary(sidebar, "Connection").filter({ hasText: "••••" }).waitFor();

  await useMenu(page, "Remove the add-on's data…");
  const dialog = page.frameLocator(`iframe[title="${DIALOG_TITLE}"]`);
  const question = dialog.getByRole("alertdialog", { name: "Remove the add-on's data from this spreadsheet?" });
  await question.waitFor();
  expect(await (await dialogFrame(page)).evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
  await preview.snap("menu-remove-data");
  expect(await frameViolations(await dialogFrame(page))).toEqual([]);

  await question.getByRole("button", { name: "Remove data", exact: true }).click();
  await dialog.getByText("The add-on's data was removed from this spreadsheet.", { exact: false }).waitFor();
  await preview.snap("menu-remove-data-done");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await page.getByRole("dialog", { name: DIALOG_TITLE }).waitFor({ state: "detached" });
});
