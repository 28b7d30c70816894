/**
 * Screenshots of the add-on in the preview, in two sets, each from a fresh preview:
 *
 * - "readme", for the README: the states a user meets (sidebar not connected, connected without a
 *   group, validation problems, a preview, a finished sync in the grid, the removal brake and the
 *   question asked again when the tab changed under it, the schedule, the mapping step of an HR
 *   export), written to docs/screenshots/;
 * - "listing", for the Google Workspace Marketplace listing: whole windows of exactly 1280×800
 *   (validation problems marked in the roster, the preview of a sync, a finished sync's outcomes
 *   in the sheet, the removal limit asking first), written to docs/marketplace/screenshots/.
 *
 * Run it with `npm run screenshots` after a change to the sidebar (`-- --set listing` for one set);
 * it needs Chromium (see test/browser).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, FrameLocator, Locator, Page } from "playwright-core";
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

const REPO = path.resolve(__dirname, "..");
const README_OUTPUT = path.join(REPO, "docs/screenshots");
const LISTING_OUTPUT = path.join(REPO, "docs/marketplace/screenshots");
const SIDEBAR = 'aside[aria-label="Sidebar"]';

/** The Marketplace's screenshot size (docs/marketplace.md, "Listing assets"). */
const LISTING_SIZE = { width: 1280, height: 800 } as const;

/** Saves a screenshot and says where. */
async function saved(file: string, take: (file: string) => Promise<unknown>): Promise<void> {
  await take(file);
  console.log(path.relative(REPO, file));
}

/** Scrolls `element` so that it starts at the top of its scrolling box (the sidebar, the grid). */
async function scrollToTop(element: Locator): Promise<void> {
  await element.evaluate((node) => node.scrollIntoView({ block: "start" }));
}

// The README's set.

/** The sidebar pane alone, at twice the pixels so its small text stays sharp. */
async function sidebarShot(page: Page, name: string, showing?: Locator): Promise<void> {
  // Scrolled so the part the picture is about starts at the top of the sidebar.
  if (showing !== undefined) await scrollToTop(showing);
  await saved(path.join(README_OUTPUT, `${name}.png`), (file) =>
    page.locator(SIDEBAR).screenshot({ path: file, scale: "device" }),
  );
}

/** The whole window, one pixel per CSS pixel, to keep the file small. */
async function windowShot(page: Page, name: string): Promise<void> {
  await saved(path.join(README_OUTPUT, `${name}.png`), (file) => page.screenshot({ path: file, scale: "css" }));
}

async function readmeSet(page: Page, sidebar: FrameLocator): Promise<void> {
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
  await scrollToTop(sync);
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
}

// The Marketplace listing's set.

/**
 * Runs `take` with what belongs to the preview rather than to the add-on hidden (the emulated
 * Vitable's panel, the button that fires the schedule, the running-script line, Import CSV and the
 * row buttons): a listing shows the add-on in a spreadsheet, nothing else. The steps between
 * pictures still use them.
 */
async function withoutPreviewControls(page: Page, take: () => Promise<void>): Promise<void> {
  const hidden = await page.addStyleTag({
    content: ".vitable, .schedule, .busy, .toolbar > button, .import-button { display: none !important; }",
  });
  try {
    await take();
  } finally {
    await hidden.evaluate((style) => (style as HTMLStyleElement).remove());
  }
}

/** The whole window, exactly LISTING_SIZE, once the add-on is idle, with the pointer out of the way. */
async function listingShot(page: Page, name: string): Promise<void> {
  await page.locator(".busy").filter({ hasText: /\S/ }).waitFor({ state: "hidden" });
  await page.mouse.move(0, 0);
  await withoutPreviewControls(page, () =>
    saved(path.join(LISTING_OUTPUT, `${name}.png`), (file) => page.screenshot({ path: file, scale: "css" })),
  );
}

async function listingSet(page: Page, sidebar: FrameLocator): Promise<void> {
  await page.setViewportSize(LISTING_SIZE);
  await openSidebar(page, sidebar);
  await connect(sidebar);
  await createGroup(sidebar, "Sample Company Staff", "SAMPLE-001");
  await linkSelectedGroup(sidebar);

  // 1. The sample's four mistakes, marked in the sheet and listed in the sidebar; the first is selected.
  const problems = await validate(sidebar);
  await problems.getByRole("button", { name: /^Row 14 / }).click();
  await page.getByLabel("Selected range").filter({ hasText: "D14" }).waitFor();
  await listingShot(page, "1-validate");

  // 2. After the first sync, two mistakes fixed, one person moved, two people left: what the next sync would do.
  const sync = await startSync(sidebar);
  await syncFinished(sync);
  await typeIntoCell(page, `${await columnOf(page, "DOB")}14`, "03/14/1989", "3/14/1989");
  await typeIntoCell(page, `${await columnOf(page, "Phone")}16`, "(612) 555-0115");
  await typeIntoCell(page, `${await columnOf(page, "City")}5`, "Somerville");
  await deleteRows(page, 2, 3);
  await cellShows(page, "B2", "Aisha");
  // Validated again, the fixed cells lose their marks.
  await validate(sidebar);
  await cell(page, "A1").click();
  const changes = await previewChanges(sidebar);
  for (const list of ["Added (2)", "Changed (1)", "Removed (2)"])
    await changes.getByText(list, { exact: true }).click();
  await scrollToTop(changes);
  await listingShot(page, "2-preview");

  // 3. The sync done: every row's outcome in its status columns, the result in the sidebar.
  await startSync(sidebar);
  await syncFinished(sync);
  for (const list of ["Added (2)", "Removed (2)"]) await sync.getByText(list, { exact: true }).click();
  await scrollToTop(sync);
  // From the City column, the statuses and their messages fit beside the sidebar.
  const city = await columnOf(page, "City");
  await cell(page, `${city}1`).evaluate((element) => element.scrollIntoView({ block: "nearest", inline: "start" }));
  await listingShot(page, "3-sync-completed");

  // 4. Three more people gone: the removal limit names them and asks before anyone loses cover.
  await deleteRows(page, 2, 4);
  await cell(page, "A1").click();
  await startSync(sidebar);
  await confirmation(sync, "Many people would be removed");
  await scrollToTop(sync);
  // The sidebar moves the focus to the question for screen readers; its ring is not the point here.
  await sidebar.locator(":focus").evaluate((element) => (element as HTMLElement).blur());
  await listingShot(page, "4-removal-limit");
}

interface ScreenshotSet {
  output: string;
  /** Device pixels per CSS pixel: the README's sidebar pictures are taken at twice the pixels. */
  scale: number;
  walk: (page: Page, sidebar: FrameLocator) => Promise<void>;
}

const SETS: Record<string, ScreenshotSet> = {
  readme: { output: README_OUTPUT, scale: 2, walk: readmeSet },
  listing: { output: LISTING_OUTPUT, scale: 1, walk: listingSet },
};

/** The sets named by `--set NAME` (repeatable), or all of them. */
function chosenSets(args: readonly string[]): string[] {
  const named = args.flatMap((arg, i) => (arg === "--set" && args[i + 1] !== undefined ? [args[i + 1]!] : []));
  const unknown = named.filter((name) => !(name in SETS));
  if (unknown.length > 0)
    throw new Error(`No screenshot set named ${unknown.join(", ")}: ${Object.keys(SETS).join(", ")}.`);
  return named.length > 0 ? named : Object.keys(SETS);
}

async function takeSet(browser: Browser, name: string): Promise<void> {
  const { output, scale, walk } = SETS[name]!;
  mkdirSync(output, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "vitable-screenshots-"));
  const preview = await startPreview({ port: 0, dataDir, seed: "workbook-only" });
  try {
    const window = await openPreviewWindow(browser, preview.url, { deviceScaleFactor: scale });
    try {
      await walk(window.page, window.sidebar);
    } finally {
      await window.close();
    }
  } finally {
    await preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sets = chosenSets(process.argv.slice(2));
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(missing.replace("Browser tests skipped", "No screenshots taken"));
  const browser = await launchChromium();
  try {
    for (const name of sets) await takeSet(browser, name);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
