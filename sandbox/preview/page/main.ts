import type { PreviewState } from "../shared/api";
import { act, getJson, reportProblemsWith } from "./api";
import { a1Notation } from "../../runtime/spreadsheet/a1";
import { button, h, fill } from "./dom";
import { Grid } from "./grid";
import { HtmlDialog } from "./htmlDialog";
import { MenuBar } from "./menuBar";
import { QuestionDialog } from "./questionDialog";
import { SchedulePanel } from "./schedulePanel";
import { SidebarPane } from "./sidebarPane";
import { TabStrip } from "./tabStrip";
import { Toasts } from "./toasts";
import { VitableDrawer } from "./vitableDrawer";

/**
 * The preview page: the emulated spreadsheet (menu bar, toolbar, grid, tabs), the add-on's
 * sidebar, its dialogs and toasts, the schedule, and the emulated Vitable. It follows the server's
 * state by long polling (`GET /api/state?after=N`) and never logs to the console.
 */
const RETRY_MS = 2_000;

const problem = h("div", { class: "problem", attrs: { role: "alert" } });
problem.hidden = true;
let problemTimer: ReturnType<typeof setTimeout> | undefined;
function showProblem(message: string): void {
  fill(problem, message);
  problem.hidden = false;
  clearTimeout(problemTimer);
  problemTimer = setTimeout(() => (problem.hidden = true), 8_000);
}
reportProblemsWith(showProblem);

const title = h("h1", { class: "doc-title" });
const busy = h("span", { class: "busy", attrs: { "aria-live": "polite" } });
const failure = h("div", { class: "failure", attrs: { role: "alert" } });
failure.hidden = true;
const menuBar = new MenuBar();
const schedule = new SchedulePanel();
const grid = new Grid();
const tabs = new TabStrip();
const sidebar = new SidebarPane();
const dialog = new QuestionDialog();
const htmlDialog = new HtmlDialog();
const toasts = new Toasts();
const vitable = new VitableDrawer(showProblem);

const nameBox = h("div", { class: "name-box", attrs: { "aria-label": "Selected range" } });
const contentBox = h("div", { class: "content-box", attrs: { "aria-label": "Selected cell content" } });
grid.onSelect = (area, cell) => {
  fill(nameBox, a1Notation(area));
  fill(contentBox, cell?.formula ?? cell?.text ?? "");
};

function rowsAction(path: "/api/rows/insert" | "/api/rows/delete"): void {
  const sheetId = grid.sheetId();
  if (sheetId === null) return;
  const area = grid.selection();
  const body =
    path === "/api/rows/insert"
      ? { sheetId, after: area.row + area.numRows - 1 }
      : { sheetId, first: area.row, count: area.numRows };
  void act(path, body);
}

const toolbar = h(
  "div",
  { class: "toolbar" },
  nameBox,
  contentBox,
  button("Add row", () => rowsAction("/api/rows/insert"), {
    class: "secondary",
    attrs: { title: "Inserts an empty row below the selection" },
  }),
  button("Delete rows", () => rowsAction("/api/rows/delete"), {
    class: "secondary",
    attrs: { title: "Deletes the selected rows" },
  }),
);

document.body.append(
  h(
    "div",
    { class: "app" },
    h(
      "header",
      { class: "topbar" },
      h("div", { class: "logo", attrs: { "aria-hidden": "true" } }),
      h("div", { class: "titles" }, title, menuBar.element),
      busy,
      schedule.element,
    ),
    failure,
    problem,
    toolbar,
    h(
      "div",
      { class: "workspace" },
      h("main", { class: "sheet" }, grid.element, tabs.element),
      sidebar.element,
      vitable.element,
    ),
  ),
  htmlDialog.element,
  dialog.element,
  toasts.element,
);

let version = 0;

function render(state: PreviewState): void {
  fill(title, state.workbook.name);
  document.title = `${state.workbook.name} — Vitable Roster Sync preview`;
  fill(busy, state.busy === null ? "" : `Running: ${state.busy}…`);
  fill(failure, state.failure ?? "");
  failure.hidden = state.failure === null;
  menuBar.update(state.addonMenu);
  schedule.update(state.schedule);
  grid.update(state.workbook.sheet, state.workbook.selection);
  tabs.update(state.workbook);
  sidebar.update(state.sidebar);
  htmlDialog.update(state.dialog);
  dialog.update(state.question);
  toasts.update(state.toasts, state.now);
  vitable.showTimesIn(state.workbook.timeZone);
  vitable.refresh();
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Follows the server's state for as long as the page is open; a lost server is retried quietly. */
async function follow(): Promise<void> {
  for (;;) {
    try {
      const state = await getJson<PreviewState>(`/api/state?after=${version}`);
      if (state.version !== version) {
        version = state.version;
        render(state);
      }
    } catch {
      await wait(RETRY_MS);
    }
  }
}

async function start(): Promise<void> {
  try {
    const state = await getJson<PreviewState>("/api/state");
    version = state.version;
    render(state);
  } catch {
    showProblem("The preview server could not be reached. Is `npm start` still running?");
  }
  // Opening the spreadsheet runs the add-on's onOpen, which builds its menu.
  void act("/api/open");
  void follow();
}

void start();
