import { ServerRefusal, TAB_NOT_ON_SCREEN } from "./bridge";
import { h, fill, type Child } from "./dom";

/** The sidebar's building blocks, styled by styles.css after Google's own Sheets add-ons. */

/** `link` is a quiet action inside a line of text, e.g. a section's "Columns". */
export type ButtonKind = "primary" | "secondary" | "danger" | "link";

export function button(label: string, kind: ButtonKind, onClick: () => void): HTMLButtonElement {
  return h("button", { class: `button ${kind}`, attrs: { type: "button" }, on: { click: onClick } }, label);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "section" }, h("h2", null, title), ...children);
}

export function note(...children: Child[]): HTMLElement {
  return h("p", { class: "note" }, ...children);
}

export type Tone = "green" | "red" | "amber" | "blue" | "grey";

export function chip(label: string, tone: Tone): HTMLElement {
  return h("span", { class: `chip ${tone}` }, label);
}

/** A labelled count, e.g. "Ready 40", in a row of chips; none for a zero count, which says nothing. */
export function countChip(label: string, count: number, tone: Tone): HTMLElement | null {
  return count === 0 ? null : h("span", { class: `chip ${tone}` }, `${label} ${count}`);
}

export function chips(...items: Array<HTMLElement | null>): HTMLElement {
  return h("div", { class: "chips" }, ...items);
}

export function row(...children: Child[]): HTMLElement {
  return h("div", { class: "row" }, ...children);
}

export function spinner(label: string): HTMLElement {
  return h("p", { class: "loading" }, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), label);
}

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h("label", { class: "field" }, h("span", { class: "label" }, label), control, hint && note(hint));
}

export function textInput(options: {
  value?: string;
  placeholder?: string;
  type?: "text" | "password" | "number" | "search";
  name?: string;
}): HTMLInputElement {
  const input = h("input", {
    class: "input",
    attrs: {
      type: options.type ?? "text",
      name: options.name,
      placeholder: options.placeholder,
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  input.value = options.value ?? "";
  return input;
}

export function select<V extends string>(options: ReadonlyArray<readonly [V, string]>, value: V): HTMLSelectElement {
  const element = h(
    "select",
    { class: "input" },
    ...options.map(([v, label]) => h("option", { attrs: { value: v } }, label)),
  );
  element.value = value;
  return element;
}

/** Radio buttons for one choice; `value()` reads the checked one. */
export function radios<V extends string>(
  name: string,
  options: ReadonlyArray<readonly [V, string]>,
  value: V,
): { element: HTMLElement; value(): V } {
  const inputs = options.map(([v]) => {
    const input = h("input", { attrs: { type: "radio", name, value: v } });
    input.checked = v === value;
    return input;
  });
  const element = h(
    "div",
    { class: "radios" },
    ...options.map(([, label], i) => h("label", { class: "radio" }, inputs[i], label)),
  );
  return { element, value: () => (inputs.find((input) => input.checked)?.value as V | undefined) ?? value };
}

export function disclosure(summary: string, ...children: Child[]): HTMLDetailsElement {
  return h("details", { class: "disclosure" }, h("summary", null, summary), ...children);
}

/**
 * A set-once part of the sidebar (connection, group, removal limit, schedule) as one line that
 * opens on click: `title` names it for the section list, `summary` says how it is set now.
 * It stays open or closed as the user left it across redraws.
 */
export interface Fold {
  readonly element: HTMLElement;
  readonly body: HTMLElement;
  /** Shows `summary` as the folded line; `open` opens or closes it, undefined leaves it. */
  set(summary: Child[], open?: boolean): void;
}

export function fold(title: string): Fold {
  const line = h("span", { class: "fold-summary" });
  const details = h("details", { class: "fold" }, h("summary", null, h("h2", null, title), line));
  const body = h("div", { class: "fold-body" });
  details.append(body);
  return {
    element: h("section", { class: "section folded" }, details),
    body,
    set(summary, open) {
      fill(line, ...summary);
      if (open !== undefined) details.open = open;
    },
  };
}

/** Where an action reports back: an error next to what failed, or a short confirmation. */
export interface Notice {
  readonly element: HTMLElement;
  error(message: string): void;
  info(message: string): void;
  clear(): void;
}

/**
 * Errors are alerts, read out at once; confirmations are polite. Both regions are in the page
 * before anything is said in them, as screen readers need.
 */
export function notice(): Notice {
  const alert = h("span", { attrs: { role: "alert" } });
  const status = h("span", { attrs: { role: "status" } });
  const element = h("div", { class: "notice" }, alert, status);
  const show = (kind: string, error: string, info: string) => {
    element.className = `notice ${kind}`;
    fill(alert, error);
    fill(status, info);
  };
  return {
    element,
    error: (message) => show("error", message, ""),
    info: (message) => show("info", "", message),
    clear: () => show("", "", ""),
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function setBusy(target: HTMLButtonElement, busy: boolean): void {
  target.disabled = busy;
  target.classList.toggle("busy", busy);
  target.setAttribute("aria-busy", String(busy));
}

/**
 * Runs what a button does: the button is disabled with a spinner meanwhile, and a failure is
 * shown in the notice next to it. It never rejects, so a click handler may leave it with `void`.
 */
export async function act(target: HTMLButtonElement, feedback: Notice, work: () => Promise<void>): Promise<void> {
  setBusy(target, true);
  feedback.clear();
  try {
    await work();
  } catch (error) {
    // The sidebar says it once, at the top, as it follows the tab on screen.
    if (!(error instanceof ServerRefusal && error.code === TAB_NOT_ON_SCREEN)) feedback.error(messageOf(error));
  } finally {
    setBusy(target, false);
  }
}
