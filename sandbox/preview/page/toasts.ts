import type { ToastView } from "../shared/api";
import { button, h } from "./dom";

/** How long a toast the script shows "until closed" (or the preview's own) stays on a reloaded page. */
const STICKY_TOAST_MS = 60_000;

/** Toasts, bottom right as in Sheets, each until its time is up or it is dismissed. */
export class Toasts {
  readonly element: HTMLElement;
  private readonly seen = new Set<number>();

  constructor() {
    this.element = h("div", { class: "toasts" });
  }

  update(toasts: ToastView[], serverNow: number): void {
    for (const toast of toasts) {
      if (this.seen.has(toast.id)) continue;
      this.seen.add(toast.id);
      const lastsMs = toast.timeoutSeconds === null || toast.timeoutSeconds <= 0 ? null : toast.timeoutSeconds * 1000;
      // On a page loaded later, only toasts still showing in Sheets appear.
      const remaining = (lastsMs ?? STICKY_TOAST_MS) - (serverNow - toast.shownAt);
      if (remaining <= 0) continue;
      this.show(toast, lastsMs === null ? null : remaining);
    }
  }

  private show(toast: ToastView, forMs: number | null): void {
    const element = h(
      "div",
      { class: "toast", attrs: { role: "status" } },
      toast.title === "" ? null : h("strong", null, toast.title),
      h("span", null, toast.message),
      button("×", () => element.remove(), { class: "icon-button", attrs: { "aria-label": "Dismiss" } }),
    );
    this.element.append(element);
    if (forMs !== null) setTimeout(() => element.remove(), forMs);
  }
}
