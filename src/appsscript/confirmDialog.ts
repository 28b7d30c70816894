import { VIEW_PLACEHOLDER } from "../shared/confirmDialog";

/** dist/ConfirmDialog.html, built from src/dialog by scripts/build.mjs. */
const FILE = "ConfirmDialog";
const WIDTH_PX = 520;

/**
 * Shows the confirmation dialog over the spreadsheet with `json` (viewJson) as its view, and
 * returns at once: a modal dialog answers through google.script.run, never to its opener.
 * The view goes into the page's JSON script rather than a template, so no `<?` in the bundled
 * script can be mistaken for a scriptlet.
 */
export function showConfirmDialog(json: string, title: string, heightPx: number): void {
  const page = HtmlService.createHtmlOutputFromFile(FILE).getContent();
  // A function as the replacement: `$&` or `$'` in a name must stay as typed.
  const html = HtmlService.createHtmlOutput(page.replace(VIEW_PLACEHOLDER, () => json))
    .setWidth(WIDTH_PX)
    .setHeight(heightPx);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}
