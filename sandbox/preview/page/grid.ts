import type { CellView, GridAreaView, SheetView } from "../shared/api";
import { act } from "./api";
import { h, fill } from "./dom";
import { a1, columnLetters } from "./a1";

interface Position {
  row: number;
  column: number;
}

const HEADER_HEIGHT_PX = 24;
const ROW_HEIGHT_PX = 24;
const MIN_COLUMN_PX = 64;
const MAX_COLUMN_PX = 320;
const CHARACTER_PX = 7;

/** What can start an edit from the keyboard: one printable character. */
const PRINTABLE = /^.$/u;

function widthOf(texts: string[]): number {
  const longest = Math.max(0, ...texts.map((text) => text.length));
  return Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, longest * CHARACTER_PX + 16));
}

/**
 * The active tab's grid, drawn as Sheets draws it: column letters and row numbers, frozen rows
 * kept in view, display values, backgrounds (the add-on's marks included), notes and dropdowns.
 * A cell is selected by a click (shift or a drag extends it, a row number selects the row), edited
 * by a double-click, Enter or typing; Enter commits, Escape cancels. The selection and every edit
 * go to the spreadsheet in the runtime, as the user's own actions.
 */
export class Grid {
  readonly element: HTMLElement;
  /** Told when the selection changes, for the name box. */
  onSelect: (area: GridAreaView, cell: CellView | null) => void = () => undefined;
  private readonly table: HTMLTableElement;
  private sheet: SheetView | null = null;
  private structure = "";
  private cells: HTMLTableCellElement[][] = [];
  private rowHeaders: HTMLTableCellElement[] = [];
  private columnHeaders: HTMLTableCellElement[] = [];
  private anchor: Position = { row: 1, column: 1 };
  private focus: Position = { row: 1, column: 1 };
  /** The selection the spreadsheet last reported; a different one (set by the script) is taken over. */
  private reportedSelection = "";
  /** Selections sent and not yet reflected back; the spreadsheet's selection is not taken over meanwhile. */
  private selectionsInFlight = 0;
  private dragging = false;
  private editor: { input: HTMLInputElement; position: Position; done: boolean } | null = null;

  constructor() {
    this.table = h("table", { class: "grid", attrs: { role: "grid" } });
    this.element = h("div", { class: "grid-scroller", attrs: { tabindex: "0" } }, this.table);
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    document.addEventListener("mouseup", () => (this.dragging = false));
  }

  update(sheet: SheetView, selection: GridAreaView): void {
    const structure = `${sheet.sheetId}:${sheet.rows.length}:${sheet.columns}:${sheet.frozenRows}`;
    const newSheet = this.sheet?.sheetId !== sheet.sheetId;
    this.sheet = sheet;
    if (structure !== this.structure) {
      this.cancelEdit();
      this.structure = structure;
      this.build(sheet);
    }
    this.table.setAttribute("aria-label", sheet.name);
    this.setWidths(sheet);
    sheet.rows.forEach((cells, r) => cells.forEach((cell, c) => this.drawCell(this.cells[r]![c]!, cell)));
    const reported = JSON.stringify(selection);
    if (newSheet || (reported !== this.reportedSelection && this.selectionsInFlight === 0)) {
      this.anchor = { row: selection.row, column: selection.column };
      this.focus = { row: selection.row + selection.numRows - 1, column: selection.column + selection.numColumns - 1 };
      this.activeCell()?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    this.reportedSelection = reported;
    this.drawSelection();
  }

  /** The selected area, as rows and columns of the tab. */
  selection(): GridAreaView {
    const row = Math.min(this.anchor.row, this.focus.row);
    const column = Math.min(this.anchor.column, this.focus.column);
    return {
      row,
      column,
      numRows: Math.abs(this.anchor.row - this.focus.row) + 1,
      numColumns: Math.abs(this.anchor.column - this.focus.column) + 1,
    };
  }

  sheetId(): number | null {
    return this.sheet?.sheetId ?? null;
  }

  /** Selects whole rows from `first` to `last` (the row numbers of the tab). */
  selectRows(first: number, last: number): void {
    this.select({ row: first, column: 1 }, { row: last, column: this.sheet?.maxColumns ?? 1 });
  }

  private build(sheet: SheetView): void {
    const frozenTop = (row: number) => `${HEADER_HEIGHT_PX + (row - 1) * ROW_HEIGHT_PX}px`;
    this.columnHeaders = [];
    for (let column = 1; column <= sheet.columns; column++) {
      const letters = columnLetters(column);
      this.columnHeaders.push(
        h(
          "th",
          {
            class: "column-header",
            attrs: { role: "columnheader", scope: "col" },
            on: {
              mousedown: (event) => {
                const from = event.shiftKey ? this.anchor.column : column;
                this.select({ row: 1, column: from }, { row: sheet.maxRows, column });
              },
            },
          },
          letters,
        ),
      );
    }
    const head = h(
      "thead",
      null,
      h(
        "tr",
        { attrs: { role: "row" } },
        h("th", { class: "corner", attrs: { "aria-hidden": "true" } }),
        ...this.columnHeaders,
      ),
    );
    this.rowHeaders = [];
    this.cells = [];
    const rows = sheet.rows.map((cells, r) => {
      const row = r + 1;
      const frozen = row <= sheet.frozenRows;
      const header = h(
        "th",
        {
          class: frozen ? "row-header frozen" : "row-header",
          attrs: { role: "rowheader", scope: "row" },
          on: {
            mousedown: (event) => {
              event.preventDefault();
              this.element.focus();
              this.selectRows(event.shiftKey ? this.anchor.row : row, row);
            },
          },
        },
        String(row),
      );
      if (frozen) header.style.top = frozenTop(row);
      this.rowHeaders.push(header);
      const tds = cells.map((_, c) => this.newCell(row, c + 1, frozen ? frozenTop(row) : null));
      this.cells.push(tds);
      const tr = h(
        "tr",
        { class: row === sheet.frozenRows ? "last-frozen" : undefined, attrs: { role: "row" } },
        header,
        ...tds,
      );
      return tr;
    });
    fill(
      this.table,
      h("colgroup", null, h("col", { class: "row-header-column" }), ...this.columnHeaders.map(() => h("col"))),
      head,
      h("tbody", null, ...rows),
    );
  }

  private newCell(row: number, column: number, frozenTop: string | null): HTMLTableCellElement {
    const position = { row, column };
    const td = h("td", {
      class: frozenTop === null ? undefined : "frozen",
      attrs: { role: "gridcell", "data-cell": a1(row, column) },
      on: {
        mousedown: (event) => {
          if (this.editor?.position.row === row && this.editor.position.column === column) return;
          this.dragging = true;
          this.select(event.shiftKey ? this.anchor : position, position);
        },
        mouseover: () => {
          if (this.dragging) this.select(this.anchor, position);
        },
        dblclick: () => this.startEdit(position),
      },
    });
    if (frozenTop !== null) td.style.top = frozenTop;
    return td;
  }

  private setWidths(sheet: SheetView): void {
    const cols = this.table.querySelectorAll("col");
    for (let column = 1; column <= sheet.columns; column++) {
      const width = widthOf(sheet.rows.map((cells) => cells[column - 1]?.text ?? ""));
      const col = cols[column];
      if (col !== undefined) col.style.width = `${width}px`;
    }
  }

  private drawCell(td: HTMLTableCellElement, cell: CellView | null): void {
    if (this.editor !== null && td.contains(this.editor.input)) return;
    td.textContent = cell?.text ?? "";
    td.style.background = cell?.background ?? "";
    td.style.color = cell?.color ?? "";
    td.classList.toggle("bold", cell?.bold === true);
    td.classList.toggle("align-right", cell?.align === "right");
    td.classList.toggle("align-center", cell?.align === "center");
    td.classList.toggle("has-note", cell?.note !== undefined);
    td.classList.toggle("dropdown", cell?.dropdown === true);
    if (cell?.marked === true) td.dataset.marked = "true";
    else delete td.dataset.marked;
    const title = cell?.note !== undefined ? `Note: ${cell.note}` : (cell?.text.length ?? 0) > 24 ? cell!.text : "";
    if (title === "") td.removeAttribute("title");
    else td.title = title;
  }

  private cellView(position: Position): CellView | null {
    return this.sheet?.rows[position.row - 1]?.[position.column - 1] ?? null;
  }

  private activeCell(): HTMLTableCellElement | undefined {
    return this.cells[this.focus.row - 1]?.[this.focus.column - 1];
  }

  private select(anchor: Position, focus: Position): void {
    const sheet = this.sheet;
    if (sheet === null) return;
    const clamp = (p: Position): Position => ({
      row: Math.min(Math.max(1, p.row), sheet.maxRows),
      column: Math.min(Math.max(1, p.column), sheet.maxColumns),
    });
    this.anchor = clamp(anchor);
    this.focus = clamp(focus);
    this.drawSelection();
    this.selectionsInFlight += 1;
    void act("/api/select", { sheetId: sheet.sheetId, ...this.selection() }).finally(
      () => (this.selectionsInFlight -= 1),
    );
  }

  private drawSelection(): void {
    const area = this.selection();
    const inRows = (row: number) => row >= area.row && row < area.row + area.numRows;
    const inColumns = (column: number) => column >= area.column && column < area.column + area.numColumns;
    this.cells.forEach((tds, r) =>
      tds.forEach((td, c) => {
        const selected = inRows(r + 1) && inColumns(c + 1);
        td.classList.toggle("selected", selected);
        td.classList.toggle("active", r + 1 === this.focus.row && c + 1 === this.focus.column);
        td.setAttribute("aria-selected", String(selected));
      }),
    );
    this.rowHeaders.forEach((th, r) => th.classList.toggle("selected", inRows(r + 1)));
    this.columnHeaders.forEach((th, c) => th.classList.toggle("selected", inColumns(c + 1)));
    this.onSelect(area, this.cellView(this.focus));
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor !== null || this.sheet === null) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const focus = { row: this.focus.row + move[0], column: this.focus.column + move[1] };
      this.select(event.shiftKey ? this.anchor : focus, focus);
      this.activeCell()?.scrollIntoView({ block: "nearest", inline: "nearest" });
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      this.startEdit(this.focus);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      void act("/api/clear", { sheetId: this.sheet.sheetId, ...this.selection() });
    } else if (PRINTABLE.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(this.focus, event.key);
    }
  }

  /** Opens the cell's editor, with its formula or text, or with the character that was typed. */
  private startEdit(position: Position, typed?: string): void {
    const td = this.cells[position.row - 1]?.[position.column - 1];
    if (td === undefined || this.sheet === null) return;
    this.cancelEdit();
    this.select(position, position);
    const view = this.cellView(position);
    const input = h("input", {
      class: "cell-editor",
      attrs: { type: "text", "aria-label": `Edit ${a1(position.row, position.column)}`, spellcheck: "false" },
    });
    input.value = typed ?? view?.formula ?? view?.text ?? "";
    const editor = { input, position, done: false };
    this.editor = editor;
    input.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (event.key === "Enter") {
        event.preventDefault();
        this.commit(editor, { row: 1, column: 0 });
      } else if (event.key === "Tab") {
        event.preventDefault();
        this.commit(editor, { row: 0, column: event.shiftKey ? -1 : 1 });
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.cancelEdit();
        this.element.focus();
      }
    });
    input.addEventListener("blur", () => this.commit(editor, null));
    td.textContent = "";
    td.append(input);
    input.focus();
  }

  /** Sends what was typed, as a person typing it into Sheets, then moves by `move` (null: stays). */
  private commit(editor: NonNullable<Grid["editor"]>, move: Position | null): void {
    if (editor.done || this.sheet === null) return;
    editor.done = true;
    this.editor = null;
    const { position } = editor;
    const text = editor.input.value;
    const td = this.cells[position.row - 1]?.[position.column - 1];
    editor.input.remove();
    // What was typed shows until the spreadsheet's display value arrives.
    if (td !== undefined) td.textContent = text;
    void act("/api/cell", { sheetId: this.sheet.sheetId, row: position.row, column: position.column, text });
    if (move !== null) {
      const next = { row: position.row + move.row, column: position.column + move.column };
      this.select(next, next);
      this.element.focus();
    }
  }

  private cancelEdit(): void {
    const editor = this.editor;
    if (editor === null) return;
    editor.done = true;
    this.editor = null;
    editor.input.remove();
    const td = this.cells[editor.position.row - 1]?.[editor.position.column - 1];
    if (td !== undefined) this.drawCell(td, this.cellView(editor.position));
  }
}
