import { setImmediate as realSetImmediate } from "node:timers";
import { startSidebar, type Sidebar } from "../../../src/sidebar/app";
import { fakeServer, installServer, type FakeServer, type Handlers } from "./fakeServer";

/**
 * Lets every pending answer of the fake server arrive. Uses Node's own setImmediate, which the
 * tests' fake timers do not replace.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => realSetImmediate(resolve));
}

export interface OpenSidebar {
  root: HTMLElement;
  server: FakeServer;
  sidebar: Sidebar;
}

let opened: OpenSidebar[] = [];

/** Opens the sidebar against a fake server, and waits for its first state. */
export async function openSidebar(handlers: Handlers): Promise<OpenSidebar> {
  // Unless a test says otherwise, the tab on screen is the one the last state was about.
  let lastTab: { sheetId: number; name: string; syncMarker: string } | null = null;
  const getSidebarState = handlers.getSidebarState;
  const server = fakeServer({
    getActiveTab: () => {
      if (!lastTab) throw new Error("getActiveTab before any state");
      return lastTab;
    },
    ...handlers,
    ...(getSidebarState && {
      getSidebarState: async (request) => {
        const state = await getSidebarState(request);
        lastTab = { sheetId: state.tab.sheetId, name: state.tab.name, syncMarker: state.tab.syncMarker };
        return state;
      },
    }),
  });
  installServer(server);
  const root = document.createElement("div");
  document.body.replaceChildren(root);
  const sidebar = startSidebar(root);
  await settle();
  const open = { root, server, sidebar };
  opened.push(open);
  return open;
}

/** For afterEach: stops every sidebar opened by the test and fails it if the server saw a problem. */
export function closeSidebars(): string[] {
  const problems = opened.flatMap(({ sidebar, server }) => {
    sidebar.stop();
    return server.problems;
  });
  opened = [];
  return problems;
}

/** Text as the user reads it: one space between the texts of separate nodes, whitespace collapsed. */
export function textOf(node: Node): string {
  const texts: string[] = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? "");
  return texts.join(" ").replace(/\s+/g, " ").trim();
}

/** The section whose heading is `title`. */
export function sectionOf(root: HTMLElement, title: string): HTMLElement {
  const found = [...root.querySelectorAll("section")].find((s) => textOf(s.querySelector("h2")!) === title);
  if (!found) throw new Error(`No section "${title}"`);
  return found;
}

/** The action bar at the bottom: Sync to Vitable, Validate, Preview, and why they are disabled. */
export function actionBarOf(root: HTMLElement): HTMLElement {
  const found = root.querySelector<HTMLElement>("footer.action-bar");
  if (!found) throw new Error("No action bar");
  return found;
}

/** Whether `element` is on screen: neither it nor anything around it is hidden. */
export function shown(element: HTMLElement): boolean {
  return element.closest("[hidden]") === null;
}

/** The button labelled exactly `label` inside `within`. */
export function buttonOf(within: HTMLElement, label: string): HTMLButtonElement {
  const buttons = [...within.querySelectorAll("button")];
  const found = buttons.find((b) => textOf(b) === label);
  if (!found) throw new Error(`No button "${label}"; there are: ${buttons.map((b) => `"${textOf(b)}"`).join(", ")}`);
  return found;
}

export function inputOf(within: HTMLElement, name: string): HTMLInputElement {
  const found = within.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`No input named "${name}"`);
  return found;
}

export function selectLabelled(within: HTMLElement, label: string): HTMLSelectElement {
  const field = [...within.querySelectorAll("label")].find((l) => textOf(l.querySelector(".label") ?? l) === label);
  const select = field?.querySelector("select");
  if (!select) throw new Error(`No list labelled "${label}"`);
  return select;
}

export async function click(element: HTMLElement): Promise<void> {
  element.click();
  await settle();
}

/** Types into a field the way a user does: the value changes, then input and change events fire. */
export function type(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The error shown in `within`, if any. */
export function errorIn(within: HTMLElement): string {
  return [...within.querySelectorAll(".notice.error")].map(textOf).join(" ");
}
