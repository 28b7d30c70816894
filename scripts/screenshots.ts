/**
 * The README's screenshots: walks the states a user meets in the preview (sidebar not
 * connected, connected without a group, validation problems, a preview, a finished sync in the
 * grid, the removal brake and the question asked again when the tab changed under it, the
 * schedule, the mapping step of an HR export) and writes them to docs/screenshots/. Run it with
 * `npm run screenshots` after a change to the sidebar; it needs Chromium (see test/browser).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { startPreview } from "../sandbox/preview/server";
import { launchChromium } from "../test/browser/support/browser";
import { chromiumMissingReason } from "../test/browser/support/chromium";
import { BAMBOOHR_EXPORT } from "../test/browser/support/hrExport";
import { openPreviewWindow } from "../test/browser/support/previewPage";
import {
  answerButton,
  cell,
  cellShows,
  columnOf,
  confirmation,
  connect,
  createGroup,
  deleteRows,
  importCsv,
  linkSelectedGroup,
  mapColumns,
  openFold,
  openSidebar,
  previewChanges,
  sidebarButton,
  startSync,
  syncFinished,
  typeIntoCell,
  validate,
  vitablePanel,
} from "../test/browser/support/steps";

const OUTPUT = path.resolve(__dirname, "../docs/screenshots");
const SIDEBAR = 'aside[aria-label="Sidebar"]';

/** The sidebar pane alone, at twice the pixels so its small text stays sharp. */
async function sidebarShot(page: Page, name: string, showing?: Locator): Promise<void> {
  // Scrolled so the part the picture is about starts at the top of the sidebar.
  await showing?.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.locator(SIDEBAR).screenshot({ path: path.join(OUTPUT, `${name}.png`), scale: "device" });
  console.log(`docs/screenshots/${name}.png`);
}

/** The whole window, one pixel per CSS pixel, to keep the file small. */
async function windowShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), scale: "css" });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(missing.replace("Browser tests skipped", "No screenshots taken"));
  mkdirSync(OUTPUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "vitable-screenshots-"));
  const preview = await startPreview({ port: 0, dataDir, seed: "workbook-only" });
  const browser = await launchChromium();
  try {
    const { page, sidebar } = await openPreviewWindow(browser, preview.url, { deviceScaleFactor: 2 });

    await openSidebar(page, sidebar);
    await sidebarShot(page, "not-connected");

    await connect(sidebar);
    await sidebar.getByText("This Vitable account has no groups yet. Create one below.").waitFor();
    await sidebarShot(page, "connected-no-group");
    await createGroup(sidebar, "Sample Company Staff", "SAMPLE-001");
    await linkSelectedGroup(sidebar);

    await sidebarShot(page, "validate-problems", await validate(sidebar));

    // The add-on created the group, so its first sync asks nothing.
    const sync = await startSync(sidebar);
    await syncFinished(sync);
    const status = await columnOf(page, "Vitable Status");
    await cellShows(page, `${status}2`, "Added");
    // Wide enough, with the Vitable panel folded away, for the names and the statuses side by side.
    await page.setViewportSize({ width: 1920, height: 900 });
    await vitablePanel(page).getByRole("button", { name: "Hide", exact: true }).click();
    await sync.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await cell(page, `${status}1`).evaluate((element) => element.scrollIntoView({ block: "nearest", inline: "end" }));
    await windowShot(page, "sync-completed");

    // A week later: a phone fixed, someone moved, three people left.
    await typeIntoCell(page, `${await columnOf(page, "Phone")}16`, "(612) 555-0115");
    await typeIntoCell(page, `${await columnOf(page, "City")}5`, "Somerville");
    await deleteRows(page, 2, 4);
    await cellShows(page, "B2", "Daniel");
    const changes = await previewChanges(sidebar);
    for (const list of ["Changed (1)", "Removed (3)"]) await changes.getByText(list, { exact: true }).click();
    await sidebarShot(page, "preview-changes", changes);

    await startSync(sidebar);
    await confirmation(sync, "Many people would be removed");
    await sidebarShot(page, "removal-brake", sync);
    // Three more people deleted while the question was on screen: the answer no longer holds.
    await deleteRows(page, 2, 4);
    await answerButton(sidebar, "Sync anyway").click();
    await sync.getByText(/changed after you confirmed/).waitFor();
    await sidebarShot(page, "removal-brake-changed", sync);
    await answerButton(sidebar, "Cancel").click();

    const schedule = await openFold(sidebar, "Schedule");
    await schedule.getByRole("combobox", { name: /^Sync/ }).selectOption({ label: "Every day" });
    await sidebarButton(sidebar, "Save schedule").click();
    await schedule.getByText(/^Next run /).waitFor();
    await sidebarShot(page, "schedule", schedule);

    // An HR export whose ZIP header the add-on does not recognise: the user maps it.
    await importCsv(page, BAMBOOHR_EXPORT);
    await sidebarButton(sidebar, "Refresh").click();
    await sidebar.locator(".where").getByText(BAMBOOHR_EXPORT.tab, { exact: true }).waitFor();
    const mapping = await mapColumns(sidebar, await validate(sidebar));
    await mapping.getByRole("combobox", { name: "ZIP required", exact: true }).selectOption("Home ZIP/Postal");
    await mapping.getByRole("combobox", { name: "Seasonal 1 row", exact: true }).selectOption("include");
    await sidebarShot(page, "column-mapping", mapping);
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
