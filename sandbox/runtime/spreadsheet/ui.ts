import type { Execution } from "../execution";
import { htmlPage, type HtmlPage } from "../services/html";
import { enumMember } from "../appsEnum";
import { BUTTON, BUTTON_SET } from "./enums";
import { signatureMismatch } from "../signatureMismatch";
import type { MenuEntry, Question, RecordedMenu, UiRecorder } from "./uiRecorder";

export type ScriptUi = Pick<
  GoogleAppsScript.Base.Ui,
  | "Button"
  | "ButtonSet"
  | "alert"
  | "createAddonMenu"
  | "createMenu"
  | "prompt"
  | "showModalDialog"
  | "showModelessDialog"
  | "showSidebar"
>;
export type ScriptMenu = GoogleAppsScript.Base.Menu;

type DraftEntry =
  | { type: "item"; caption: string; functionName: string }
  | { type: "separator" }
  | { type: "submenu"; menu: MenuDraft };

interface MenuDraft {
  title: string;
  addon: boolean;
  entries: DraftEntry[];
}

const menuDrafts = new WeakMap<object, MenuDraft>();

/** `SpreadsheetApp.getUi()` for one execution. */
export function createUi(recorder: UiRecorder, execution: Execution): GoogleAppsScript.Base.Ui {
  const mismatch = (method: string, args: readonly unknown[]) =>
    execution.exception(signatureMismatch("Ui", method, args));

  function question(type: Question["type"], args: unknown[]): Question {
    const [first, second, third] = args;
    const texts = args.length === 3 ? [first, second] : [first];
    const buttonsArg = args.length === 3 ? third : args.length === 2 ? second : BUTTON_SET.OK;
    const buttons = enumMember(BUTTON_SET, buttonsArg);
    if (args.length < 1 || args.length > 3 || buttons === null || texts.some((t) => typeof t !== "string")) {
      throw mismatch(type, args);
    }
    return args.length === 3
      ? { type, title: first as string, prompt: second as string, buttons }
      : { type, title: "", prompt: first as string, buttons };
  }

  function menu(title: string, addon: boolean): ScriptMenu {
    const draft: MenuDraft = { title, addon, entries: [] };
    const call = (method: string) => execution.call("Menu", method, "other");
    const script: ScriptMenu = {
      addItem(caption: string, functionName: string) {
        call("addItem");
        if (typeof caption !== "string" || typeof functionName !== "string") {
          throw execution.exception(signatureMismatch("Menu", "addItem", [caption, functionName]));
        }
        draft.entries.push({ type: "item", caption, functionName });
        return script;
      },
      addSeparator() {
        call("addSeparator");
        draft.entries.push({ type: "separator" });
        return script;
      },
      addSubMenu(subMenu: ScriptMenu) {
        call("addSubMenu");
        const sub = menuDrafts.get(subMenu);
        if (sub === undefined) throw execution.exception(signatureMismatch("Menu", "addSubMenu", [subMenu]));
        draft.entries.push({ type: "submenu", menu: sub });
        return script;
      },
      addToUi() {
        call("addToUi");
        recorder.addMenu(recorded(draft));
      },
    };
    menuDrafts.set(script, draft);
    return script;
  }

  /** The page an HtmlOutput holds, read without the script's calls being counted. */
  function html(method: string, output: unknown, title?: unknown): HtmlPage {
    const page = htmlPage(output);
    if (page === null) throw mismatch(method, title === undefined ? [output] : [output, title]);
    return page;
  }

  const ui: ScriptUi = {
    Button: BUTTON as unknown as typeof GoogleAppsScript.Base.Button,
    ButtonSet: BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet,
    alert(...args: unknown[]) {
      execution.call("Ui", "alert", "other");
      const answer = recorder.ask(question("alert", args));
      return BUTTON[answer.button] as unknown as GoogleAppsScript.Base.Button;
    },
    prompt(...args: unknown[]) {
      execution.call("Ui", "prompt", "other");
      const answer = recorder.ask(question("prompt", args));
      const response: GoogleAppsScript.Base.PromptResponse = {
        getResponseText() {
          execution.call("PromptResponse", "getResponseText", "other");
          return answer.text;
        },
        getSelectedButton() {
          execution.call("PromptResponse", "getSelectedButton", "other");
          return BUTTON[answer.button] as unknown as GoogleAppsScript.Base.Button;
        },
      };
      return response;
    },
    createAddonMenu() {
      execution.call("Ui", "createAddonMenu", "other");
      return menu(recorder.addonName, true);
    },
    createMenu(caption: string) {
      execution.call("Ui", "createMenu", "other");
      if (typeof caption !== "string") throw mismatch("createMenu", [caption]);
      return menu(caption, false);
    },
    showSidebar(output: GoogleAppsScript.HTML.HtmlOutput) {
      execution.call("Ui", "showSidebar", "other");
      const { title, content, width, height } = html("showSidebar", output);
      recorder.show({ type: "sidebar", title, content, width, height });
    },
    showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      execution.call("Ui", "showModalDialog", "other");
      const { content, width, height } = html("showModalDialog", output, title);
      recorder.show({ type: "modalDialog", title: String(title), content, width, height });
    },
    showModelessDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string) {
      execution.call("Ui", "showModelessDialog", "other");
      const { content, width, height } = html("showModelessDialog", output, title);
      recorder.show({ type: "modelessDialog", title: String(title), content, width, height });
    },
  };
  // The object has only the members above; calling any other fails as "is not a function".
  return ui as GoogleAppsScript.Base.Ui;
}

/** The menu as it stands when added to the UI; later changes to a draft do not show. */
function recorded(draft: MenuDraft): RecordedMenu {
  const entries: MenuEntry[] = draft.entries.map((entry) =>
    entry.type === "submenu" ? { type: "submenu", menu: recorded(entry.menu) } : { ...entry },
  );
  return { title: draft.title, addon: draft.addon, entries };
}
