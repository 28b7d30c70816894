import type { ButtonName, ButtonSetName } from "./enums";

export type MenuEntry =
  | { type: "item"; caption: string; functionName: string }
  | { type: "separator" }
  | { type: "submenu"; menu: RecordedMenu };

export interface RecordedMenu {
  title: string;
  /** Whether it is the add-on's menu under Extensions, rather than a menu of its own in the menu bar. */
  addon: boolean;
  entries: MenuEntry[];
}

/** An alert or prompt as the user would see it. */
export interface Question {
  type: "alert" | "prompt";
  title: string;
  prompt: string;
  buttons: ButtonSetName;
}

/** The user's answer: the button clicked (CLOSE is the dialog's ×) and, for a prompt, the text typed. */
export type Answer = ButtonName | { button: ButtonName; text?: string };
export type Responder = (question: Question) => Answer | undefined;

export interface ResolvedAnswer {
  button: ButtonName;
  text: string;
}

export interface HtmlSurface {
  type: "sidebar" | "modalDialog" | "modelessDialog";
  title: string;
  content: string;
  /** The page's size in px as setWidth/setHeight left it; Sheets sizes a dialog by it (a sidebar is always 300 px wide). */
  width: number;
  height: number;
}

export interface Toast {
  type: "toast";
  spreadsheetId: string;
  message: string;
  title: string;
  /** How long it shows; negative or null: until closed. */
  timeoutSeconds: number | null;
}

export type UiEvent =
  | (Question & { type: "alert"; answer: ButtonName })
  | (Question & { type: "prompt"; answer: ResolvedAnswer })
  | Toast
  | HtmlSurface;

export interface UiSnapshot {
  addonName: string;
  menus: RecordedMenu[];
  shown: UiEvent[];
  sidebar: HtmlSurface | null;
  dialog: HtmlSurface | null;
}

/** The buttons each button set shows; CLOSE (the dialog's ×) is always possible. */
const BUTTONS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ["OK", "CLOSE"],
  OK_CANCEL: ["OK", "CANCEL", "CLOSE"],
  YES_NO: ["YES", "NO", "CLOSE"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL", "CLOSE"],
};

/** Thrown (in Node's realm) when the script asks a question nobody scripted an answer for. */
export class UnexpectedDialogError extends Error {
  constructor(readonly question: Question) {
    super(
      `The script showed an unexpected ${question.type} with no scripted answer: ` +
        `${JSON.stringify(question.title)} ${JSON.stringify(question.prompt)} (${question.buttons}). ` +
        "Script the answer with answerNext(...) or respondWith(...).",
    );
    this.name = "UnexpectedDialogError";
  }
}

/**
 * The editor's user interface as the sandbox world keeps it: the menus the add-on added, every
 * dialog, toast, sidebar and modal shown in order, and the scripted answers for alerts and prompts.
 * An alert whose only button is OK is answered OK unless a responder says otherwise; any other
 * question takes the next queued answer, and with none the script fails with UnexpectedDialogError.
 */
export class UiRecorder {
  readonly addonName: string;
  menus: RecordedMenu[] = [];
  shown: UiEvent[] = [];
  sidebar: HtmlSurface | null = null;
  dialog: HtmlSurface | null = null;
  /** Questions that found no answer, in order (the script may have caught the error). */
  readonly unanswered: Question[] = [];
  private readonly queue: Answer[] = [];
  private responder: Responder | null = null;

  constructor({ addonName }: { addonName: string }) {
    this.addonName = addonName;
  }

  // ---- Host side: scripting answers and reading what was shown -----------------------------

  /** Queues answers for the next questions, in order. */
  answerNext(...answers: Answer[]): void {
    this.queue.push(...answers);
  }

  /** A function consulted first for every question; returning undefined falls back to the queue. */
  respondWith(responder: Responder | null): void {
    this.responder = responder;
  }

  /** Queued answers not used yet: a test can check that every expected question was asked. */
  pendingAnswers(): number {
    return this.queue.length;
  }

  /** The add-on's menu, once `addToUi` was called on it. */
  addonMenu(): RecordedMenu | undefined {
    return this.menus.find((menu) => menu.addon);
  }

  /**
   * The function a menu item runs, found by its captions from the top: ("Sync to Vitable") in the
   * add-on's menu, or ("My Menu", "Submenu", "Item") through a menu of the menu bar.
   */
  menuFunction(...captions: string[]): string {
    const addon = this.addonMenu();
    const [first, ...rest] = captions;
    const inMenuBar = this.menus.find((menu) => !menu.addon && menu.title === first);
    let entries = inMenuBar ? inMenuBar.entries : (addon?.entries ?? []);
    const path = inMenuBar ? rest : captions;
    for (const [i, caption] of path.entries()) {
      const entry = entries.find(
        (e) => (e.type === "item" && e.caption === caption) || (e.type === "submenu" && e.menu.title === caption),
      );
      if (entry?.type === "item" && i === path.length - 1) return entry.functionName;
      if (entry?.type !== "submenu") break;
      entries = entry.menu.entries;
    }
    throw new Error(`No menu item ${captions.map((c) => JSON.stringify(c)).join(" ▸ ")} was added to the UI.`);
  }

  closeSidebar(): void {
    this.sidebar = null;
  }

  /** The dialog's × pressed, or its page called `google.script.host.close()`. */
  closeDialog(): void {
    this.dialog = null;
  }

  toasts(): Toast[] {
    return this.shown.filter((event): event is Toast => event.type === "toast");
  }

  // ---- Script side: called by the Ui and Spreadsheet fakes --------------------------------------

  /** `addToUi`: a menu replaces the menu of the same kind and title. */
  addMenu(menu: RecordedMenu): void {
    const replaced = (m: RecordedMenu) => (menu.addon ? m.addon : !m.addon && m.title === menu.title);
    this.menus = [...this.menus.filter((m) => !replaced(m)), menu];
  }

  ask(question: Question): ResolvedAnswer {
    const answer = this.answerFor(question);
    const resolved =
      typeof answer === "string" ? { button: answer, text: "" } : { button: answer.button, text: answer.text ?? "" };
    if (!BUTTONS[question.buttons].includes(resolved.button)) {
      throw new Error(
        `The scripted answer ${resolved.button} is not a button of the ${question.type} ` +
          `${JSON.stringify(question.prompt)}, which shows ${BUTTONS[question.buttons].join(", ")}.`,
      );
    }
    if (question.type === "alert") this.shown.push({ ...question, type: "alert", answer: resolved.button });
    else this.shown.push({ ...question, type: "prompt", answer: resolved });
    return resolved;
  }

  private answerFor(question: Question): Answer {
    const fromResponder = this.responder?.(question);
    if (fromResponder !== undefined) return fromResponder;
    if (question.type === "alert" && question.buttons === "OK") return "OK";
    const queued = this.queue.shift();
    if (queued !== undefined) return queued;
    this.unanswered.push(question);
    throw new UnexpectedDialogError(question);
  }

  show(surface: HtmlSurface): void {
    this.shown.push(surface);
    if (surface.type === "sidebar") this.sidebar = surface;
    else this.dialog = surface;
  }

  toast(toast: Omit<Toast, "type">): void {
    this.shown.push({ type: "toast", ...toast });
  }

  snapshot(): UiSnapshot {
    const { addonName, menus, shown, sidebar, dialog } = this;
    return structuredClone({ addonName, menus, shown, sidebar, dialog });
  }

  static fromSnapshot(snapshot: UiSnapshot): UiRecorder {
    const copy = structuredClone(snapshot);
    const recorder = new UiRecorder({ addonName: copy.addonName });
    recorder.menus = copy.menus;
    recorder.shown = copy.shown;
    recorder.sidebar = copy.sidebar;
    recorder.dialog = copy.dialog;
    return recorder;
  }
}
