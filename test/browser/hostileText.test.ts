import type { Frame, Locator } from "playwright-core";
import { sessionPaths } from "../../sandbox/cli/session";
import { startEmulator } from "../../sandbox/emulator/server";
import { DEFAULT_API_KEY, DEFAULT_ORGANIZATION_ID, SEEDED_PLANS } from "../../sandbox/emulator/state";
import { usePreview } from "./support/previewFixture";
import {
  columnOf,
  connect,
  createGroup,
  linkSelectedGroup,
  openFold,
  openSidebar,
  typeIntoCell,
  useMenu,
  validate,
  vitablePanel,
} from "./support/steps";
import { eventually } from "./support/waits";

/**
 * Text from Vitable, from the sheet and from the user is shown as text everywhere: a group name,
 * a plan name and a rejection reason that look like markup never become elements, and their
 * `onerror` never runs. The same name reaches the page two ways: typed into the sidebar, and
 * from Vitable (a group created through the API before the preview starts).
 */
const HOSTILE = "<img src=x onerror=window.__pwned=1>";

const preview = usePreview({
  seed: "workbook-only",
  screenshots: "hostileText",
  async prepare(dataDir) {
    const emulator = await startEmulator({ port: 0, dataFile: sessionPaths(dataDir).vitableDataFile });
    try {
      const created = await fetch(`${emulator.url}/v1/groups`, {
        method: "POST",
        headers: { Authorization: `Bearer ${DEFAULT_API_KEY}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: HOSTILE, external_reference_id: "FROM-VITABLE" }),
      });
      expect(created.ok).toBe(true);
      await emulator.control.setPlans(DEFAULT_ORGANIZATION_ID, [
        ...SEEDED_PLANS,
        { id: "pln_sbx_hostile", name: HOSTILE },
      ]);
      // The first roster submitted is rejected with the name as Vitable's reason.
      await emulator.control.injectFault({
        kind: "status",
        method: "POST",
        path: "/v1/groups/*/members/sync",
        status: 422,
        body: { error: { code: "invalid_roster", message: HOSTILE } },
      });
    } finally {
      await emulator.close();
    }
  },
});

/** The sidebar's document, for what only a frame can do (evaluate). */
async function sidebarFrame(): Promise<Frame> {
  const iframe = await preview.page.locator('aside[aria-label="Sidebar"] iframe').elementHandle();
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error("The sidebar's iframe has no document.");
  return frame;
}

/** Nothing the name could have become exists, and its handler never ran, in the page or the sidebar. */
async function expectInert(): Promise<void> {
  const { page, sidebar } = preview;
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await sidebar.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await (await sidebarFrame()).evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

/** Waits for a dialog, and for `text` in it when given. */
async function dialogShowing(text?: string): Promise<Locator> {
  const dialog = preview.page.getByRole("dialog");
  await dialog.waitFor();
  if (text !== undefined) await dialog.getByText(text, { exact: false }).waitFor();
  return dialog;
}

it("lists a group named like markup, from Vitable, as text in the group picker", async () => {
  const { page, sidebar } = preview;
  await openSidebar(page, sidebar);
  await connect(sidebar);
  const picker = sidebar.getByRole("radiogroup", { name: "Vitable groups" });
  await picker.getByText(HOSTILE, { exact: true }).waitFor();
  await picker.getByText("Group reference: FROM-VITABLE").waitFor();
  await vitablePanel(page).getByText(HOSTILE, { exact: true }).waitFor();
  await preview.snap("picker");
  await expectInert();
});

it("creates and links a group of that name in the sidebar, shown as text wherever it appears", async () => {
  const { page, sidebar } = preview;
  await createGroup(sidebar, HOSTILE, "TYPED-IN-SIDEBAR");
  await sidebar.getByText(`Created "${HOSTILE}".`, { exact: false }).waitFor();
  await linkSelectedGroup(sidebar);
  await sidebar.locator(".where").getByText(HOSTILE, { exact: false }).waitFor();
  const tab = await openFold(sidebar, "This tab");
  await tab.getByText(HOSTILE, { exact: true }).waitFor();
  await tab.getByText("Group reference: TYPED-IN-SIDEBAR").waitFor();
  await eventually(async () => expect(await vitablePanel(page).getByText(HOSTILE, { exact: true }).count()).toBe(2));
  await preview.snap("linked");
  await expectInert();
});

it("shows a plan named like markup as text in validation messages, in the sidebar and in the sheet", async () => {
  const { page, sidebar } = preview;
  const plan = await columnOf(page, "Plan");
  await typeIntoCell(page, `${plan}2`, "Gold Care");
  const results = await validate(sidebar);
  const problem = results.getByRole("button", { name: /^Row 2 · Plan — / });
  await problem.waitFor();
  expect(await problem.textContent()).toContain(`"${HOSTILE}"`);
  const message = await columnOf(page, "Vitable Message");
  await eventually(async () =>
    expect(await page.locator(`[data-cell="${message}2"]`).textContent()).toContain(HOSTILE),
  );
  await preview.snap("plan-name");
  await expectInert();
});

it("shows Vitable's rejection reason and the group name as text in the menu's dialogs", async () => {
  const { page } = preview;
  // The add-on created the group, so the sync asks nothing before Vitable answers.
  await useMenu(page, "Sync to Vitable");
  let dialog = await dialogShowing(HOSTILE);
  await preview.snap("rejection-dialog");
  await expectInert();
  await dialog.getByRole("button", { name: "OK", exact: true }).click();

  await useMenu(page, "Sync to Vitable");
  dialog = await dialogShowing(`to ${HOSTILE}`);
  await preview.snap("completed-dialog");
  await expectInert();
  await dialog.getByRole("button", { name: "OK", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
});
