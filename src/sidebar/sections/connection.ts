import {
  CONNECT_INTRO,
  connectedAt,
  DISCONNECT_QUESTION,
  KEY_SAVED_FOR,
  keyStartsWith,
  PASTE_KEY_FIRST,
} from "../../messages/sidebar";
import type { ConnectionView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatTime } from "../format";
import { act, button, chip, field, note, notice, radios, row, section, select, textInput } from "../ui";

const KEY_PREFIX = "vit_apk_";

const ENVIRONMENTS = [
  ["production", "Production"],
  ["uat", "UAT (testing)"],
] as const;

const SCOPES = [
  ["user", "Only me"],
  ["document", "Everyone who edits this spreadsheet"],
] as const;

/** The Vitable API key: a form to connect, or where it is connected and a way to disconnect. */
export function connectionSection(sidebar: SidebarContext): Section {
  const body = h("div");
  const render = whenChanged((connection: ConnectionView | null) =>
    fill(body, connection ? connectedView(sidebar, connection) : connectForm(sidebar)),
  );
  return { element: section("Connection", body), show: (state) => render(state.connection) };
}

function connectForm(sidebar: SidebarContext): HTMLElement {
  const key = textInput({ type: "password", name: "apiKey", placeholder: `${KEY_PREFIX}…` });
  const environment = select(ENVIRONMENTS, "production");
  const scope = radios("keyScope", SCOPES, "user");
  const feedback = notice();
  const connect: HTMLButtonElement = button("Connect", "primary", () => {
    void act(connect, feedback, async () => {
      const apiKey = key.value.trim();
      if (apiKey === "") throw new Error(PASTE_KEY_FIRST);
      if (!apiKey.startsWith(KEY_PREFIX)) throw new Error(keyStartsWith(KEY_PREFIX));
      const connection = await call("connect", {
        apiKey,
        environment: environment.value === "uat" ? "uat" : "production",
        scope: scope.value(),
      });
      // The key stays in the add-on's settings only, never in the page.
      key.value = "";
      sidebar.apply((state) => ({ ...state, connection }));
    });
  });
  return h(
    "div",
    { class: "form" },
    note(CONNECT_INTRO),
    field("API key", key),
    field("Environment", environment),
    h("fieldset", { class: "field" }, h("legend", { class: "label" }, "Save the key for"), scope.element),
    row(connect),
    feedback.element,
  );
}

function connectedView(sidebar: SidebarContext, connection: ConnectionView): HTMLElement {
  const feedback = notice();
  const actions = row();
  const askFirst = () =>
    fill(
      actions,
      h(
        "div",
        { class: "card amber" },
        h("p", null, DISCONNECT_QUESTION),
        row(disconnectNow, button("Cancel", "secondary", showDisconnect)),
      ),
    );
  const showDisconnect = () => fill(actions, button("Disconnect", "secondary", askFirst));
  const disconnectNow: HTMLButtonElement = button("Disconnect", "danger", () => {
    void act(disconnectNow, feedback, async () => {
      await call("disconnect", {});
      sidebar.apply((state) => ({ ...state, connection: null }));
    });
  });
  showDisconnect();
  return h(
    "div",
    null,
    row(
      chip(
        connection.environment === "production" ? "Production" : "UAT",
        connection.environment === "production" ? "green" : "blue",
      ),
      h("span", { class: "mono" }, connection.maskedKey),
    ),
    note(KEY_SAVED_FOR[connection.scope], connectedAt(formatTime(connection.connectedAt))),
    actions,
    feedback.element,
  );
}
