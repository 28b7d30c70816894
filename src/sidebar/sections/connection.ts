import {
  CONNECT_INTRO,
  connectedAt,
  connectedSummary,
  DISCONNECT_QUESTION,
  ENVIRONMENT_LABELS,
  KEY_SAVED_FOR,
  keyStartsWith,
  NOT_CONNECTED,
  PASTE_KEY_FIRST,
  SHARED_KEY_ACKNOWLEDGEMENT,
  SHARED_KEY_RISK,
  signedInAs,
  TICK_SHARED_KEY_RISK,
  WHERE_KEYS_COME_FROM,
} from "../../messages/sidebar";
import type { ConnectionView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatTime } from "../format";
import { act, button, field, fold, note, notice, radios, row, select, textInput } from "../ui";

const KEY_PREFIX = "vit_apk_";

const ENVIRONMENTS = [
  ["production", ENVIRONMENT_LABELS.production],
  ["uat", ENVIRONMENT_LABELS.uat],
] as const;

const SCOPES = [
  ["user", "Only me"],
  ["document", "Everyone who edits this spreadsheet"],
] as const;

/**
 * The Vitable API key: a form to connect, open until a key is connected; then one folded line
 * (environment and masked key) that opens to where it is saved and a way to disconnect.
 */
export function connectionSection(sidebar: SidebarContext): Section {
  const part = fold("Connection");
  const render = whenChanged(({ connection, user }: { connection: ConnectionView | null; user: string }) => {
    part.set(
      [connection ? connectedSummary(ENVIRONMENT_LABELS[connection.environment], connection.maskedKey) : NOT_CONNECTED],
      connection === null,
    );
    fill(part.body, connection ? connectedView(sidebar, connection, user) : connectForm(sidebar));
  });
  return { element: part.element, show: (state) => render({ connection: state.connection, user: state.user }) };
}

/**
 * Sharing a key with every editor is asked twice: choosing "Everyone who edits" says what it lets
 * them do (read out as it appears), and Connect waits until the box saying so is ticked.
 */
function sharedKeyRisk(scope: { element: HTMLElement; value(): string }) {
  const warning = h("p", { class: "note risk", attrs: { id: "shared-key-risk", "aria-live": "polite" } });
  const understood = h("input", {
    attrs: {
      type: "checkbox",
      name: "sharedRiskAccepted",
      "aria-describedby": "shared-key-risk",
      "aria-required": "true",
    },
  });
  const acknowledgement = h("label", { class: "checkbox" }, understood, SHARED_KEY_ACKNOWLEDGEMENT);
  const update = () => {
    const shared = scope.value() === "document";
    fill(warning, shared && SHARED_KEY_RISK);
    warning.classList.toggle("card", shared);
    warning.classList.toggle("amber", shared);
    acknowledgement.hidden = !shared;
    if (!shared) understood.checked = false;
  };
  understood.addEventListener("change", () => understood.removeAttribute("aria-invalid"));
  scope.element.addEventListener("change", update);
  update();
  return {
    elements: [warning, acknowledgement],
    /**
     * True for a key to share whose box is ticked, false for a key of one's own; unticked, the
     * box is marked and focused, and the reason thrown.
     */
    sharedAndAcknowledged(): boolean {
      if (scope.value() !== "document") return false;
      if (understood.checked) return true;
      understood.setAttribute("aria-invalid", "true");
      understood.focus();
      throw new Error(TICK_SHARED_KEY_RISK);
    },
  };
}

function connectForm(sidebar: SidebarContext): HTMLElement {
  const key = textInput({ type: "password", name: "apiKey", placeholder: `${KEY_PREFIX}…` });
  const environment = select(ENVIRONMENTS, "production");
  const scope = radios("keyScope", SCOPES, "user");
  const risk = sharedKeyRisk(scope);
  const feedback = notice();
  const connect: HTMLButtonElement = button("Connect", "primary", () => {
    void act(connect, feedback, async () => {
      const apiKey = key.value.trim();
      if (apiKey === "") throw new Error(PASTE_KEY_FIRST);
      if (!apiKey.startsWith(KEY_PREFIX)) throw new Error(keyStartsWith(KEY_PREFIX));
      const shared = risk.sharedAndAcknowledged();
      const connection = await call("connect", {
        apiKey,
        environment: environment.value === "uat" ? "uat" : "production",
        scope: scope.value(),
        ...(shared ? { sharedRiskAccepted: true } : {}),
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
    note(WHERE_KEYS_COME_FROM),
    field("API key", key),
    field("Environment", environment),
    h("fieldset", { class: "field" }, h("legend", { class: "label" }, "Save the key for"), scope.element),
    ...risk.elements,
    row(connect),
    feedback.element,
  );
}

function connectedView(sidebar: SidebarContext, connection: ConnectionView, user: string): HTMLElement {
  const feedback = notice();
  const actions = row();
  const askFirst = () => {
    fill(
      actions,
      h(
        "div",
        { class: "card amber" },
        h("p", null, DISCONNECT_QUESTION),
        row(disconnectNow, button("Cancel", "secondary", showDisconnect)),
      ),
    );
    disconnectNow.focus();
  };
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
    note(KEY_SAVED_FOR[connection.scope], connectedAt(formatTime(connection.connectedAt), connection.connectedBy)),
    note(signedInAs(user)),
    actions,
    feedback.element,
  );
}
