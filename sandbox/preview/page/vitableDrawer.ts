import type { VitableGroupView, VitableSwitches, VitableSyncView, VitableView } from "../shared/api";
import { getJson, sendJson } from "./api";
import { button, h, fill } from "./dom";

const REFRESH_MS = 3_000;

const SWITCH_LABELS: Record<keyof VitableSwitches, string> = {
  rateLimit: "Rate limit (429)",
  outage: "Outage (503)",
  slowProcessing: "Slow processing",
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What the emulated Vitable holds: its groups and their members, the latest sync requests and
 * their results, and switches that make it misbehave. Refreshed every few seconds and after every
 * change the page sees.
 */
export class VitableDrawer {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly groups: HTMLElement;
  private readonly syncs: HTMLElement;
  private readonly delay: HTMLElement;
  private readonly switches: Record<keyof VitableSwitches, HTMLInputElement>;
  /** Groups whose member list is open, kept open across refreshes. */
  private readonly openGroups = new Set<string>();
  private loading = false;
  private loadAgain = false;
  /** In the spreadsheet's time zone once known: times here read as the add-on's do, not in the browser's zone. */
  private timeFormat = timeFormatIn(undefined);

  constructor(private readonly report: (message: string) => void) {
    this.switches = {
      rateLimit: this.switchBox("rateLimit"),
      outage: this.switchBox("outage"),
      slowProcessing: this.switchBox("slowProcessing"),
    };
    this.groups = h("div", { class: "vitable-groups" });
    this.syncs = h("div", { class: "vitable-syncs" });
    this.delay = h("p", { class: "hint" });
    this.body = h(
      "div",
      { class: "drawer-body", attrs: { id: "vitable-drawer-body" } },
      h(
        "fieldset",
        { class: "switches" },
        h("legend", null, "Make Vitable misbehave"),
        ...(Object.keys(SWITCH_LABELS) as (keyof VitableSwitches)[]).map((name) =>
          h("label", null, this.switches[name], SWITCH_LABELS[name]),
        ),
        this.delay,
      ),
      h("h3", null, "Groups"),
      this.groups,
      h("h3", null, "Recent sync requests"),
      this.syncs,
    );
    const toggle: HTMLButtonElement = button(
      "Hide",
      () => {
        this.body.hidden = !this.body.hidden;
        toggle.textContent = this.body.hidden ? "Show" : "Hide";
        toggle.setAttribute("aria-expanded", String(!this.body.hidden));
        this.element.classList.toggle("collapsed", this.body.hidden);
      },
      { class: "link-button", attrs: { "aria-expanded": "true", "aria-controls": "vitable-drawer-body" } },
    );
    this.element = h(
      "section",
      { class: "vitable", attrs: { role: "region", "aria-label": "Vitable (emulated)" } },
      h("header", { class: "drawer-title" }, h("h2", null, "Vitable (emulated)"), toggle),
      this.body,
    );
    setInterval(() => this.refresh(), REFRESH_MS);
  }

  /** Shows times in the spreadsheet's `timeZone` from the next load on. */
  showTimesIn(timeZone: string): void {
    if (this.timeFormat.resolvedOptions().timeZone !== timeZone) this.timeFormat = timeFormatIn(timeZone);
  }

  /** Reloads the view; calls while one is loading make one more load afterwards. */
  refresh(): void {
    if (this.loading) {
      this.loadAgain = true;
      return;
    }
    this.loading = true;
    getJson<VitableView>("/api/vitable")
      .then(
        (view) => this.show(view),
        () => undefined,
      )
      .finally(() => {
        this.loading = false;
        if (this.loadAgain) {
          this.loadAgain = false;
          this.refresh();
        }
      });
  }

  private switchBox(name: keyof VitableSwitches): HTMLInputElement {
    const box = h("input", { attrs: { type: "checkbox" } });
    box.addEventListener("change", () => {
      box.disabled = true;
      sendJson<VitableView>("PUT", "/api/vitable/switches", { [name]: box.checked })
        .then(
          (view) => this.show(view),
          () => this.report(`The switch "${SWITCH_LABELS[name]}" could not be changed.`),
        )
        .finally(() => (box.disabled = false));
    });
    return box;
  }

  private show(view: VitableView): void {
    for (const name of Object.keys(this.switches) as (keyof VitableSwitches)[]) {
      if (!this.switches[name].disabled) this.switches[name].checked = view.switches[name];
    }
    fill(this.delay, `Syncs take ${Math.round(view.processingDelayMs / 1000)} s to process.`);
    fill(
      this.groups,
      view.groups.length === 0
        ? h("p", { class: "hint" }, "No groups yet.")
        : h("ul", { class: "plain" }, ...view.groups.map((group) => this.group(group))),
    );
    fill(
      this.syncs,
      view.syncRequests.length === 0
        ? h("p", { class: "hint" }, "No syncs yet.")
        : h("ul", { class: "plain" }, ...view.syncRequests.map((sync) => syncItem(sync, this.timeFormat))),
    );
  }

  private group(group: VitableGroupView): HTMLElement {
    const members = h(
      "details",
      { on: { toggle: () => (members.open ? this.openGroups.add(group.id) : this.openGroups.delete(group.id)) } },
      h("summary", null, `Members of ${group.name}`),
      h(
        "ul",
        { class: "members" },
        ...group.members.map((member) =>
          h("li", null, member.name, h("span", { class: "reference" }, member.referenceId)),
        ),
      ),
    );
    members.open = this.openGroups.has(group.id);
    return h(
      "li",
      { class: "group" },
      h(
        "div",
        { class: "group-line" },
        h("strong", null, group.name),
        h("span", { class: "count" }, plural(group.members.length, "member")),
      ),
      h(
        "div",
        { class: "hint", attrs: { title: `Group ID ${group.id}` } },
        `Reference ID: ${group.externalReferenceId}`,
      ),
      members,
    );
  }
}

/** "9:18:05 AM EST": the time of a sync, labelled with the zone it is in. */
function timeFormatIn(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  });
}

function syncItem(sync: VitableSyncView, timeFormat: Intl.DateTimeFormat): HTMLElement {
  const status =
    sync.status === "completed" && sync.failures.length > 0
      ? `completed, ${plural(sync.failures.length, "failure")}`
      : sync.status;
  return h(
    "li",
    { class: "sync" },
    h(
      "div",
      { class: "group-line" },
      h("span", { class: "time" }, timeFormat.format(Date.parse(sync.acceptedAt))),
      h("strong", null, sync.groupName),
      h("span", { class: `chip ${sync.status}` }, status),
    ),
    h(
      "div",
      { class: "hint" },
      sync.status === "completed"
        ? `${plural(sync.memberCount, "member")} sent · ${sync.added} added · ${sync.removed} removed`
        : `${plural(sync.memberCount, "member")} sent`,
    ),
    sync.failures.length === 0
      ? null
      : h(
          "ul",
          { class: "failures" },
          ...sync.failures.map((failure) =>
            h("li", null, `${failure.referenceId} (${failure.operation}): ${failure.reason}`),
          ),
        ),
  );
}
