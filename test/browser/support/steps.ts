import type { FrameLocator, Locator, Page } from "playwright-core";
import { DEFAULT_API_KEY } from "../../../sandbox/emulator/state";
import type { PreviewState } from "../../../sandbox/preview/shared/api";
import { parseA1 } from "../../../sandbox/runtime/spreadsheet/a1";
import { ADDON_NAME } from "../../../src/messages/menu";
import { eventually, SLOW_MS } from "./waits";

/**
 * What a user does in the preview, one function per step, written against the page's accessible
 * names. The browser tests and scripts/screenshots.ts walk the same steps.
 */

/** Extensions ▸ Vitable Roster Sync ▸ `caption`. */
export async function useMenu(page: Page, caption: string): Promise<void> {
  await page.getByRole("button", { name: "Extensions", exact: true }).click();
  await page.getByRole("menuitem", { name: ADDON_NAME, exact: true }).click();
  await page.getByRole("menuitem", { name: caption, exact: true }).click();
}

/**
 * Waits for the alert a menu action ends with (e.g. Sync to Vitable's outcome), checks it says
 * `says`, and presses OK: until then the add-on's script is busy and the sidebar's calls wait.
 */
export async function dismissMenuAlert(page: Page, says: RegExp): Promise<void> {
  const alert = page.getByRole("dialog", { name: ADDON_NAME, exact: true });
  await alert.getByText(says).first().waitFor({ timeout: SLOW_MS });
  await alert.getByRole("button", { name: "OK", exact: true }).click();
}

/** Opens the sidebar from the menu and waits until it has loaded its state. */
export async function openSidebar(page: Page, sidebar: FrameLocator): Promise<void> {
  await useMenu(page, "Open sidebar");
  await section(sidebar, "Connection").waitFor();
}

/** One of the sidebar's sections, found by its heading. */
export function section(sidebar: FrameLocator, title: string): Locator {
  return sidebar.locator("section").filter({ has: sidebar.getByRole("heading", { name: title, exact: true }) });
}

export function sidebarButton(sidebar: FrameLocator, name: string): Locator {
  return sidebar.getByRole("button", { name, exact: true });
}

export async function connect(sidebar: FrameLocator, apiKey = DEFAULT_API_KEY): Promise<void> {
  await sidebar.getByLabel("API key").fill(apiKey);
  await sidebarButton(sidebar, "Connect").click();
  // Connected, the section folds to one line: the environment and the masked key.
  await foldSummary(sidebar, "Connection").filter({ hasText: "••••" }).waitFor();
}

/** The one line a folded part of the sidebar (Connection, This tab, Removal limit, Schedule) shows. */
export function foldSummary(sidebar: FrameLocator, title: string): Locator {
  return section(sidebar, title).locator(".fold-summary");
}

/** Opens a folded part of the sidebar, unless it is open already, and returns its section. */
export async function openFold(sidebar: FrameLocator, title: string): Promise<Locator> {
  const part = section(sidebar, title);
  if (!(await part.locator("details").evaluate((details) => (details as HTMLDetailsElement).open))) {
    await part.locator("summary").click();
  }
  return part;
}

/** The action bar at the bottom of the sidebar: Sync to Vitable, Validate, Preview, or a question's answers. */
export function actionBar(sidebar: FrameLocator): Locator {
  return sidebar.getByRole("contentinfo");
}

/** Creates a group from the picker; the sidebar selects it, ready to link. */
export async function createGroup(sidebar: FrameLocator, name: string, externalReferenceId: string): Promise<void> {
  await openCreateGroupForm(sidebar);
  await sidebar.getByLabel("Group name").fill(name);
  await sidebar.getByRole("textbox", { name: /^Group reference/ }).fill(externalReferenceId);
  await sidebarButton(sidebar, "Create group").click();
  await sidebar.getByText(`Created "${name}".`, { exact: false }).waitFor();
}

/** Opens the picker's "Create a new group" form, unless it is open already. */
export async function openCreateGroupForm(sidebar: FrameLocator): Promise<void> {
  const form = sidebar.locator("details.disclosure").filter({ hasText: "Create a new group" });
  if (!(await form.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await form.getByText("Create a new group", { exact: true }).click();
  }
}

/** Links the active tab to the group selected in the picker. */
export async function linkSelectedGroup(sidebar: FrameLocator): Promise<void> {
  await sidebarButton(sidebar, "Link").click();
  await foldSummary(sidebar, "This tab")
    .filter({ hasText: /^Linked to / })
    .waitFor();
}

/** Validates the tab from the sidebar and returns the Validate section, showing its results. */
export async function validate(sidebar: FrameLocator): Promise<Locator> {
  const validateSection = section(sidebar, "Validate");
  await actionBar(sidebar).getByRole("button", { name: "Validate", exact: true }).click();
  // Chips, or the red card of a tab that cannot be read (which has no rows to count).
  await validateSection.locator(".chips, .card.red").first().waitFor();
  return validateSection;
}

/** Asks for a preview of the next sync and returns the Preview section, showing it. */
export async function previewChanges(sidebar: FrameLocator): Promise<Locator> {
  const previewSection = section(sidebar, "Preview");
  await actionBar(sidebar).getByRole("button", { name: "Preview", exact: true }).click();
  await previewSection.locator(".chips").waitFor();
  return previewSection;
}

/** Presses Sync to Vitable in the sidebar and returns the Sync section. */
export async function startSync(sidebar: FrameLocator): Promise<Locator> {
  const syncSection = section(sidebar, "Sync");
  await actionBar(sidebar).getByRole("button", { name: "Sync to Vitable", exact: true }).click();
  return syncSection;
}

/** Waits for a sync's confirmation card titled `title` (e.g. "Many people would be removed"). */
export async function confirmation(syncSection: Locator, title: string): Promise<Locator> {
  const card = syncSection.locator(".card").filter({ hasText: title });
  await card.waitFor();
  return card;
}

/** The answer to the sync's question, which takes the action bar's place while it is asked. */
export function answerButton(sidebar: FrameLocator, name: "Sync anyway" | "Cancel"): Locator {
  return actionBar(sidebar).getByRole("button", { name, exact: true });
}

/** Waits until the sync section shows a finished sync ("Finished <time>"), through its progress. */
export async function syncFinished(syncSection: Locator): Promise<void> {
  await syncSection.getByText(/^Finished /).waitFor({ timeout: SLOW_MS });
}

/** Opens the mapping step from the Map columns button of `within` and returns the step. */
export async function mapColumns(sidebar: FrameLocator, within: Locator): Promise<Locator> {
  await within.getByRole("button", { name: "Map columns", exact: true }).click();
  const step = sidebar.getByRole("region", { name: "Map columns", exact: true });
  await step.getByRole("button", { name: "Save", exact: true }).waitFor();
  return step;
}

/** Imports a CSV file with the page's Import CSV; the tab it becomes is then the active one. */
export async function importCsv(
  page: Page,
  file: { fileName: string; tab: string; lines: readonly string[] },
): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import CSV", exact: true }).click();
  await (
    await chooser
  ).setFiles({ name: file.fileName, mimeType: "text/csv", buffer: Buffer.from(file.lines.join("\n")) });
  await page.getByRole("tab", { name: file.tab, selected: true }).waitFor();
  await page.getByRole("grid", { name: file.tab }).waitFor();
}

// The grid.

export function grid(page: Page): Locator {
  return page.getByRole("grid");
}

export function cell(page: Page, a1: string): Locator {
  return grid(page).locator(`[role="gridcell"][data-cell="${a1}"]`);
}

/** The displayed text of a cell. */
export async function cellText(page: Page, a1: string): Promise<string> {
  return ((await cell(page, a1).textContent()) ?? "").trim();
}

/** The column letters of the header (row 1) reading `header`. */
export async function columnOf(page: Page, header: string): Promise<string> {
  const headerCell = grid(page)
    .locator('[role="gridcell"][data-cell$="1"]')
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(header)}\\s*$`) })
    .first();
  const a1 = await headerCell.getAttribute("data-cell");
  const letters = a1?.match(/^([A-Z]+)1$/)?.[1];
  if (!letters) throw new Error(`No column of the grid is headed "${header}".`);
  return letters;
}

/** Each data row's text in the column headed `header`, from row 2 down to `lastRow`. */
export async function columnTexts(page: Page, header: string, lastRow: number): Promise<string[]> {
  const column = await columnOf(page, header);
  const texts: string[] = [];
  for (let row = 2; row <= lastRow; row++) texts.push(await cellText(page, `${column}${row}`));
  return texts;
}

/**
 * Types `text` into a cell as a user does (double-click, type, Enter), then waits until the
 * spreadsheet holds it and the grid shows `shows`: Sheets' display value of what was typed.
 */
export async function typeIntoCell(page: Page, a1: string, text: string, shows = text): Promise<void> {
  await cell(page, a1).dblclick();
  const editor = page.getByRole("textbox", { name: `Edit ${a1}`, exact: true });
  await editor.fill(text);
  await editor.press("Enter");
  await editor.waitFor({ state: "detached" });
  // The grid shows what was typed at once; the spreadsheet's own display value comes after.
  await eventually(async () => {
    const held = await spreadsheetText(page, a1);
    if (held !== shows) throw new Error(`The spreadsheet holds "${held}" in ${a1}, not "${shows}".`);
  });
  await cellShows(page, a1, shows);
}

/** A cell's display value on the active tab, as the preview's server holds it (GET /api/state). */
async function spreadsheetText(page: Page, a1: string): Promise<string> {
  const reference = parseA1(a1);
  if (reference?.firstRow == null || reference.firstColumn == null) throw new Error(`"${a1}" is not a cell.`);
  const at = { row: reference.firstRow, column: reference.firstColumn };
  return page.evaluate(async ({ row, column }) => {
    const state = (await (await fetch("/api/state")).json()) as PreviewState;
    return state.workbook.sheet.rows[row - 1]?.[column - 1]?.text ?? "";
  }, at);
}

/** Waits until a cell shows `expected`. */
export async function cellShows(page: Page, a1: string, expected: string): Promise<void> {
  await eventually(async () => {
    const text = await cellText(page, a1);
    if (text !== expected) throw new Error(`${a1} shows "${text}", not "${expected}".`);
  });
}

/** Selects rows `first`…`last` by their row headers and deletes them. */
export async function deleteRows(page: Page, first: number, last: number): Promise<void> {
  await rowHeader(page, first).click();
  if (last !== first) await rowHeader(page, last).click({ modifiers: ["Shift"] });
  await page.getByRole("button", { name: "Delete rows", exact: true }).click();
}

function rowHeader(page: Page, row: number): Locator {
  return grid(page).getByRole("rowheader", { name: String(row), exact: true });
}

// The emulated Vitable.

export function vitablePanel(page: Page): Locator {
  return page.getByRole("region", { name: "Vitable (emulated)", exact: true });
}

export async function setFault(
  page: Page,
  label: "Rate limit (429)" | "Outage (503)" | "Slow processing",
  on: boolean,
) {
  await vitablePanel(page).getByRole("checkbox", { name: label, exact: true }).setChecked(on);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
