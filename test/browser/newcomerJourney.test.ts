import { usePreview } from "./support/previewFixture";
import {
  cell,
  cellShows,
  cellText,
  columnOf,
  confirmation,
  connect,
  createGroup,
  deleteRows,
  linkSelectedGroup,
  openSidebar,
  previewChanges,
  section,
  setFault,
  startSync,
  syncAnyway,
  syncFinished,
  typeIntoCell,
  validate,
  vitablePanel,
} from "./support/steps";
import { eventually } from "./support/waits";

/**
 * A newcomer's first hour with the add-on, in the preview, in order: each test starts where the
 * previous one ended. The sample Roster tab holds 32 people in rows 2–33, four of them invalid:
 * row 14 (DOB 14/03/1989), row 16 (a phone with an extension) and rows 18 and 23 (both 1017).
 */
const preview = usePreview({ seed: "workbook-only", screenshots: "newcomerJourney" });
const GROUP = "Sample Company Staff";

it("opens on the sample roster with the add-on's menu", async () => {
  const { page } = preview;
  await page.getByRole("grid", { name: "Roster" }).waitFor();
  await page.getByRole("tab", { name: "Roster", selected: true }).waitFor();
  expect(await cellText(page, "A1")).toBe("Employee ID");
  expect(await cellText(page, "B2")).toBe("Maria");
  await openSidebar(page, preview.sidebar);
  await preview.sidebar.getByText("Connect a Vitable API key to list groups and sync this spreadsheet.").waitFor();
  await preview.snap("sidebar-not-connected");
});

it("connects the emulator's key, creates a group and links the tab to it", async () => {
  const { sidebar } = preview;
  await connect(sidebar);
  await sidebar.getByText("This Vitable account has no groups yet. Create one below.").waitFor();
  await preview.snap("connected");
  await createGroup(sidebar, GROUP, "SAMPLE-001");
  await linkSelectedGroup(sidebar);
  await section(sidebar, "This tab").getByText(GROUP, { exact: true }).waitFor();
  await section(sidebar, "This tab").getByText("Reference ID: SAMPLE-001").waitFor();
  await vitablePanel(preview.page).getByText(GROUP, { exact: true }).waitFor();
  await preview.snap("linked");
});

it("validates the tab: invalid rows get a status, a message and marked cells", async () => {
  const { page, sidebar } = preview;
  const results = await validate(sidebar);
  await results.getByText("Ready 28", { exact: true }).waitFor();
  await results.getByText("Invalid 4", { exact: true }).waitFor();
  await results.getByText("Duplicates 2", { exact: true }).waitFor();
  await results.getByRole("button", { name: /^Row 16 · Phone — / }).waitFor();
  await results.getByRole("button", { name: /^Row 14 · DOB — / }).waitFor();

  const status = await columnOf(page, "Vitable Status");
  const message = await columnOf(page, "Vitable Message");
  await cellShows(page, `${status}2`, "Ready");
  await cellShows(page, `${status}16`, "Invalid");
  expect(await cellText(page, `${message}16`)).toMatch(/Phone/);
  // Row 5 is Daniel O'Connor, whose ZIP lost its leading zero: repaired, not invalid.
  expect(await cellText(page, `${status}5`)).toBe("Ready");
  const phone = await columnOf(page, "Phone");
  expect(await cell(page, `${phone}16`).getAttribute("data-marked")).toBe("true");
  expect(await cell(page, `${phone}15`).getAttribute("data-marked")).toBeNull();
  await preview.snap("validated");
});

it("fixes a cell, and validating again clears its mark", async () => {
  const { page, sidebar } = preview;
  const phone = await columnOf(page, "Phone");
  const status = await columnOf(page, "Vitable Status");
  await typeIntoCell(page, `${phone}16`, "(612) 555-0115");
  const results = await validate(sidebar);
  await results.getByText("Invalid 3", { exact: true }).waitFor();
  await cellShows(page, `${status}16`, "Ready");
  expect(await cell(page, `${phone}16`).getAttribute("data-marked")).toBeNull();
  await preview.snap("fixed");
});

it("previews the first sync: who is added, and that it can go ahead, the group being the add-on's own", async () => {
  const results = await previewChanges(preview.sidebar);
  await results.getByText("Added 29", { exact: true }).waitFor();
  await results.getByText("Removed 0", { exact: true }).waitFor();
  await results.getByText("Invalid 3", { exact: true }).waitFor();
  await results.getByText("A sync can go ahead now: nothing needs your confirmation.").waitFor();
  await results.getByText("Added (29)").click();
  await results.getByRole("button", { name: /Ahmed Hassan · 1015/ }).waitFor();
  await preview.snap("preview");
});

it("syncs without a question, then shows each row's status, the history and the log", async () => {
  const { page, sidebar } = preview;
  // The add-on created the group, so it knows the group holds nobody: nobody can be removed.
  const sync = await startSync(sidebar);
  await syncFinished(sync);
  await preview.snap("first-sync-finished");
  await sync.getByText("Added 29", { exact: true }).waitFor();

  const status = await columnOf(page, "Vitable Status");
  const syncedAt = await columnOf(page, "Vitable Synced At");
  await cellShows(page, `${status}2`, "Added");
  await cellShows(page, `${status}14`, "Invalid");
  await cellShows(page, `${status}16`, "Added");
  expect(await cellText(page, `${syncedAt}2`)).not.toBe("");
  await section(sidebar, "Recent history").getByText("Completed", { exact: true }).waitFor();
  const vitable = vitablePanel(page);
  await vitable.getByText("29 members", { exact: true }).waitFor();
  await vitable.getByText("29 members sent · 29 added · 0 removed").waitFor();
  await preview.snap("synced");

  await page.getByRole("tab", { name: "Vitable Sync Log" }).click();
  await page.getByRole("grid", { name: "Vitable Sync Log" }).getByText("Completed", { exact: true }).first().waitFor();
  await preview.snap("log-tab");
  await page.getByRole("tab", { name: "Roster" }).click();
  await page.getByRole("grid", { name: "Roster" }).waitFor();
});

it("deleting three synced rows trips the removal brake, which names the people", async () => {
  const { page, sidebar } = preview;
  await deleteRows(page, 2, 4);
  await cellShows(page, "B2", "Daniel");
  const sync = await startSync(sidebar);
  const brake = await confirmation(sync, "Many people would be removed");
  for (const person of ["Maria Garcia · 1001", "James Whitfield · 1002", "Aisha Rahman · 1003"]) {
    await brake.locator("li").filter({ hasText: person }).waitFor();
  }
  await preview.snap("removal-brake");
  await syncAnyway(sync);
  await sync.getByText("Removed 3", { exact: true }).waitFor();
  await vitablePanel(page).getByText("26 members", { exact: true }).waitFor();
  await preview.snap("removed");
});

it("survives Vitable's rate limit: a clear message, then the next sync goes through", async () => {
  const { page, sidebar } = preview;
  const city = await columnOf(page, "City");
  await typeIntoCell(page, `${city}2`, "Somerville");

  await setFault(page, "Rate limit (429)", true);
  const sync = await startSync(sidebar);
  await sync
    .getByRole("paragraph")
    .filter({ hasText: /^Vitable is receiving too many requests right now/ })
    .waitFor({ timeout: 30_000 });
  // The history and the sync's own line say it failed.
  await sync.getByText("Failed", { exact: true }).waitFor();
  await preview.snap("rate-limited");
  const status = await columnOf(page, "Vitable Status");
  expect(await cellText(page, `${status}2`)).toBe("Synced");

  await setFault(page, "Rate limit (429)", false);
  await startSync(sidebar);
  await syncFinished(sync);
  await sync.getByText("Changed 1", { exact: true }).waitFor();
  await eventually(async () => expect(await cellText(page, `${status}2`)).toBe("Synced"));
  await preview.snap("after-rate-limit");
});
