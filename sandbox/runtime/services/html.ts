import type { Execution } from "../execution";
import { appsEnum, enumMember } from "../appsEnum";
import { objectMethods } from "../objectMethods";
import { signatureMismatch } from "../signatureMismatch";

const SANDBOX_MODE = appsEnum(["EMULATED", "IFRAME", "NATIVE"] as const);
const X_FRAME_OPTIONS_MODE = appsEnum(["ALLOWALL", "DEFAULT"] as const);

/** The only meta tags HtmlOutput.addMetaTag accepts (Apps Script reference). */
const ALLOWED_META_TAGS = new Set(["viewport", "apple-mobile-web-app-capable", "mobile-web-app-capable"]);
const HTML_EXTENSION = /\.html$/;

/** Dialog size when the script sets none. */
export const DEFAULT_DIALOG_SIZE = { width: 600, height: 400 } as const;

/** What an HtmlOutput holds, read host-side (the Ui shows it) without counting calls. */
export interface HtmlPage {
  content: string;
  title: string;
  width: number;
  height: number;
  xFrameOptionsMode: keyof typeof X_FRAME_OPTIONS_MODE;
  faviconUrl: string | null;
  metaTags: { name: string; content: string }[];
}

const pages = new WeakMap<object, HtmlPage>();

/** The page an HtmlOutput made by the sandbox holds, or null for anything else. */
export function htmlPage(value: unknown): HtmlPage | null {
  return typeof value === "object" && value !== null ? (pages.get(value) ?? null) : null;
}

type OutputMethod =
  | "getContent"
  | "setContent"
  | "append"
  | "getTitle"
  | "setTitle"
  | "getWidth"
  | "setWidth"
  | "getHeight"
  | "setHeight"
  | "setSandboxMode"
  | "setXFrameOptionsMode"
  | "addMetaTag"
  | "setFaviconUrl";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** The HtmlOutput methods the sandbox implements; setters return the output, as in Apps Script. */
export type SandboxHtmlOutput = {
  [Method in OutputMethod]: ReturnType<HtmlOutput[Method]> extends HtmlOutput
    ? (...args: Parameters<HtmlOutput[Method]>) => SandboxHtmlOutput
    : HtmlOutput[Method];
};

export type SandboxHtmlService = Pick<GoogleAppsScript.HTML.HtmlService, "SandboxMode" | "XFrameOptionsMode"> & {
  createHtmlOutput(html?: string): SandboxHtmlOutput;
  createHtmlOutputFromFile(filename: string): SandboxHtmlOutput;
};

/**
 * HtmlService for one execution. `files` are the project's HTML files by name without the
 * extension, as the built project holds them (dist/Sidebar.html is "Sidebar").
 */
export function createHtmlService(files: ReadonlyMap<string, string>, execution: Execution): SandboxHtmlService {
  return {
    SandboxMode: SANDBOX_MODE as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: X_FRAME_OPTIONS_MODE as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      execution.call("HtmlService", "createHtmlOutput", "other");
      if (html !== undefined && typeof html !== "string") {
        throw execution.exception(signatureMismatch("HtmlService", "createHtmlOutput", [html]));
      }
      return createHtmlOutput(execution, html ?? "");
    },
    createHtmlOutputFromFile(filename: unknown) {
      execution.call("HtmlService", "createHtmlOutputFromFile", "read");
      // Apps Script finds "Sidebar" and "Sidebar.html" alike.
      const name = String(filename).replace(HTML_EXTENSION, "");
      const content = files.get(name);
      if (content === undefined) throw execution.exception(`No HTML file named ${String(filename)} was found.`);
      return createHtmlOutput(execution, content);
    },
  };
}

function createHtmlOutput(execution: Execution, content: string): SandboxHtmlOutput {
  const page: HtmlPage = {
    content,
    title: "",
    width: DEFAULT_DIALOG_SIZE.width,
    height: DEFAULT_DIALOG_SIZE.height,
    xFrameOptionsMode: "DEFAULT",
    faviconUrl: null,
    metaTags: [],
  };
  const size = (setter: string, value: unknown): number => {
    if (typeof value !== "number") throw execution.exception(signatureMismatch("HtmlOutput", setter, [value]));
    return Math.trunc(value);
  };
  const { method, chained } = objectMethods<SandboxHtmlOutput>(execution, "HtmlOutput", () => output);
  const output: SandboxHtmlOutput = {
    getContent: method("getContent", "read", () => page.content),
    setContent: chained("setContent", "write", (newContent: string) => {
      page.content = String(newContent);
    }),
    append: chained("append", "write", (addedContent: string) => {
      page.content += String(addedContent);
    }),
    getTitle: method("getTitle", "read", () => page.title),
    setTitle: chained("setTitle", "write", (title: string) => {
      page.title = String(title);
    }),
    getWidth: method("getWidth", "read", () => page.width),
    setWidth: chained("setWidth", "write", (width: unknown) => {
      page.width = size("setWidth", width);
    }),
    getHeight: method("getHeight", "read", () => page.height),
    setHeight: chained("setHeight", "write", (height: unknown) => {
      page.height = size("setHeight", height);
    }),
    setSandboxMode: chained("setSandboxMode", "write", (mode: unknown) => {
      // Only IFRAME exists since 2016; the call is accepted and has no effect.
      if (enumMember(SANDBOX_MODE, mode) === null) {
        throw execution.exception(signatureMismatch("HtmlOutput", "setSandboxMode", [mode]));
      }
    }),
    setXFrameOptionsMode: chained("setXFrameOptionsMode", "write", (mode: unknown) => {
      const named = enumMember(X_FRAME_OPTIONS_MODE, mode);
      if (named === null) {
        throw execution.exception(signatureMismatch("HtmlOutput", "setXFrameOptionsMode", [mode]));
      }
      page.xFrameOptionsMode = named;
    }),
    addMetaTag: chained("addMetaTag", "write", (name: string, metaContent: string) => {
      if (!ALLOWED_META_TAGS.has(String(name))) throw execution.exception("Invalid argument: name");
      page.metaTags.push({ name: String(name), content: String(metaContent) });
    }),
    setFaviconUrl: chained("setFaviconUrl", "write", (iconUrl: string) => {
      page.faviconUrl = String(iconUrl);
    }),
  };
  pages.set(output, page);
  return output;
}
