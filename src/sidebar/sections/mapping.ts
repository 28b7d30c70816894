import { MAP_COLUMNS, MAPPING_CLEARED, MAPPING_SAVED } from "../../messages/mapping";
import {
  COLUMN_PROBLEMS,
  columnsNeedYou,
  mappingOfTab,
  NO_COLUMN,
  rowCount,
  sampleValues,
  settledColumns,
  STATUS_CHOICES,
  STATUS_NEEDS_CHOICE,
  STATUS_VALUES_HINT,
  statusValuesOf,
  YOUR_CHOICE,
  YOUR_CHOICES,
  YOUR_CHOICES_SAVED,
} from "../../messages/sidebar";
import type {
  ColumnMappingView,
  MappedColumnView,
  SaveColumnMappingRequest,
  StatusValueView,
} from "../../shared/bridge";
import { call } from "../bridge";
import type { SidebarContext } from "../context";
import { h, fill } from "../dom";
import { act, button, chip, disclosure, messageOf, note, notice, row, select, spinner } from "../ui";

type Decision = NonNullable<StatusValueView["known"]>;

/** The button a result offers when the tab cannot be read until its columns are chosen. */
export function mapColumnsButton(sidebar: SidebarContext): HTMLButtonElement {
  const opener: HTMLButtonElement = button(MAP_COLUMNS, "secondary", () => sidebar.mapColumns(opener));
  return opener;
}

export interface MappingStep {
  readonly element: HTMLElement;
  /** The tab the step is about. */
  readonly sheetId: number;
  /** Moves focus to the step's heading, as a new page does. */
  focus(): void;
}

/**
 * The mapping step: which column of the tab holds each field the add-on reads, and what each
 * employment status value means. It stands in for the sections until `close`; `changed` runs
 * once the choices were saved or cleared, since the tab's rows now read differently.
 */
export function mappingStep(sheetId: number, close: () => void, changed: () => Promise<void>): MappingStep {
  const headingId = uniqueId();
  const heading = h("h2", { attrs: { id: headingId, tabindex: -1 } }, MAP_COLUMNS);
  const back = h(
    "button",
    { class: "button link back", attrs: { type: "button" }, on: { click: close } },
    h("span", { attrs: { "aria-hidden": "true" } }, "← "),
    "Back",
  );
  const body = h("div", null, spinner("Loading…"));
  const errors = notice();
  const done = notice();
  let form: MappingForm | null = null;

  const save: HTMLButtonElement = button("Save", "primary", () => {
    const request = form?.request();
    if (request) void answer(save, () => call("saveColumnMapping", request), MAPPING_SAVED);
  });
  const reset: HTMLButtonElement = button("Reset to automatic", "secondary", () => {
    void answer(reset, () => call("clearColumnMapping", { sheetId }), MAPPING_CLEARED);
  });
  const actions = row(save, reset);
  actions.hidden = true;

  /** Shows the mapping the server answered with after a change, then lets the sidebar catch up. */
  function answer(
    trigger: HTMLButtonElement,
    change: () => Promise<ColumnMappingView>,
    message: string,
  ): Promise<void> {
    done.clear();
    return act(trigger, errors, async () => {
      show(await change());
      done.info(message);
      await changed();
    }).then(() => {
      // Reset goes once there is nothing left to reset: focus moves on instead of to the page.
      if (trigger.hidden) save.focus();
    });
  }

  function show(view: ColumnMappingView): void {
    form = mappingForm(view);
    fill(body, form.element);
    actions.hidden = view.headers.length === 0;
    reset.hidden = !view.saved;
  }

  call("getColumnMapping", { sheetId }).then(show, (error: unknown) => {
    fill(body);
    errors.error(messageOf(error));
  });

  return {
    element: h(
      "section",
      { class: "section mapping", attrs: { "aria-labelledby": headingId } },
      back,
      heading,
      body,
      actions,
      errors.element,
      done.element,
    ),
    sheetId,
    focus: () => heading.focus(),
  };
}

interface MappingForm {
  readonly element: HTMLElement;
  /** Every column and status value as the user left them: the server keeps those that differ from its own reading. */
  request(): SaveColumnMappingRequest;
}

function mappingForm(view: ColumnMappingView): MappingForm {
  const samples = new Map(view.headers.map(({ header, samples }) => [header, samples]));
  const headers = view.headers.map(({ header }) => header);
  // Columns needing the user first, then required ones; the sort is stable, so otherwise as sent.
  // Without headers there is nothing to choose from: the problem shown says what to do instead.
  const columns =
    headers.length === 0
      ? []
      : [...view.columns].sort((a, b) => rank(a) - rank(b)).map((column) => columnChoice(column, headers, samples));
  const statuses = view.statusValues.map(statusChoice);
  const needYou = view.columns.filter((column) => column.problem !== null).length;
  // What needs the user, and what they chose, stays in view; the columns settled by their headers
  // fold away, open when nothing else is there to review.
  const open = columns.filter(({ column }) => column.problem !== null || column.chosen);
  const folded = columns.filter((choice) => !open.includes(choice));
  const others = disclosure(settledColumns(folded.length, open.length === 0), ...folded.map((c) => c.element));
  others.open = open.length === 0;
  const statusColumn = view.columns.find((column) => column.target === "employmentStatus");

  const element = h(
    "div",
    null,
    note(mappingOfTab(view.tabName, view.headerRow)),
    needYou > 0
      ? h("div", { class: "card amber" }, h("p", null, columnsNeedYou(needYou)))
      : view.problem !== null && h("div", { class: "card red" }, h("p", null, view.problem)),
    view.saved && note(chip(YOUR_CHOICES, "blue"), YOUR_CHOICES_SAVED),
    ...open.map((choice) => choice.element),
    folded.length > 0 && others,
    statuses.length > 0 &&
      h(
        "div",
        { class: "subsection" },
        h("h3", null, statusValuesOf(statusColumn?.header ?? statusColumn?.label ?? "")),
        note(STATUS_VALUES_HINT),
        h("ul", { class: "status-values" }, ...statuses.map((status) => status.element)),
      ),
  );
  return {
    element,
    request() {
      const request: SaveColumnMappingRequest = { sheetId: view.sheetId, columns: {}, statusValues: {} };
      for (const { column, value } of columns) request.columns[column.target] = value();
      for (const { status, value } of statuses) {
        const decision = value();
        if (decision !== null) request.statusValues[status.value] = decision;
      }
      return request;
    },
  };
}

function rank(column: MappedColumnView): number {
  return column.problem !== null ? 0 : column.required ? 1 : 2;
}

let lastId = 0;

/** Ids tie labels and descriptions to their select; the step is rebuilt after every save. */
function uniqueId(): string {
  return `mapping-${++lastId}`;
}

/** One column: its label, why it needs the user, the header chosen, and that header's first values. */
function columnChoice(
  column: MappedColumnView,
  headers: readonly string[],
  samples: ReadonlyMap<string, readonly string[]>,
): { column: MappedColumnView; element: HTMLElement; value: () => string | null } {
  const id = uniqueId();
  const input = select(
    [
      ["", column.required ? NO_COLUMN.required : NO_COLUMN.optional],
      ...headers.map((header) => [header, header] as const),
    ],
    column.header ?? column.guess ?? "",
  );
  const problem =
    column.problem !== null &&
    h("p", { class: "needs-you-why", attrs: { id: `${id}-problem` } }, COLUMN_PROBLEMS[column.problem]);
  const shown = h("p", { class: "samples", attrs: { id: `${id}-samples` } });
  input.id = id;
  input.setAttribute("aria-describedby", problem ? `${problem.id} ${shown.id}` : shown.id);
  const showSamples = () => fill(shown, input.value !== "" && sampleValues(samples.get(input.value) ?? []));
  input.addEventListener("change", showSamples);
  showSamples();
  return {
    column,
    element: h(
      "div",
      { class: problem ? "mapped-column needs-you" : "mapped-column" },
      h(
        "label",
        { class: "label", attrs: { for: id } },
        column.label,
        column.required && h("span", { class: "required" }, " required"),
        column.chosen && " ",
        column.chosen && chip(YOUR_CHOICE, "blue"),
      ),
      problem,
      input,
      shown,
    ),
    value: () => (input.value === "" ? null : input.value),
  };
}

/** One employment status value: how many rows hold it, and whether they are synced. */
function statusChoice(status: StatusValueView): {
  status: StatusValueView;
  element: HTMLElement;
  value: () => Decision | null;
} {
  const id = uniqueId();
  const preset = status.chosen ?? status.known;
  const input = select<Decision | "">(
    [
      ...(preset === null ? [["", STATUS_CHOICES.none] as const] : []),
      ["include", STATUS_CHOICES.include],
      ["exclude", STATUS_CHOICES.exclude],
    ],
    preset ?? "",
  );
  input.id = id;
  const problem =
    preset === null && h("p", { class: "needs-you-why", attrs: { id: `${id}-problem` } }, STATUS_NEEDS_CHOICE);
  if (problem) input.setAttribute("aria-describedby", problem.id);
  return {
    status,
    element: h(
      "li",
      { class: problem ? "status-value needs-you" : "status-value" },
      h(
        "label",
        { attrs: { for: id } },
        h("strong", null, status.value),
        h("span", { class: "note" }, rowCount(status.rows)),
      ),
      input,
      problem,
    ),
    value: () => (input.value === "include" || input.value === "exclude" ? input.value : null),
  };
}
