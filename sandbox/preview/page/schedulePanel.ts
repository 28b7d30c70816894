import type { ScheduleView } from "../shared/api";
import { act } from "./api";
import { button, h, fill } from "./dom";

/** When the spreadsheet's scheduled sync runs next, and a button to run it now. */
export class SchedulePanel {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly runNow: HTMLButtonElement;

  constructor() {
    this.text = h("span", { class: "schedule-text" });
    this.runNow = button("Run scheduled sync now", () => void act("/api/schedule/run"), { class: "secondary" });
    this.element = h(
      "div",
      { class: "schedule", attrs: { role: "group", "aria-label": "Schedule" } },
      this.text,
      this.runNow,
    );
  }

  update(schedule: ScheduleView): void {
    fill(
      this.text,
      schedule.nextRunText === null ? "No scheduled sync" : `Next scheduled run: ${schedule.nextRunText}`,
    );
    this.runNow.disabled = schedule.nextRunAt === null;
    this.runNow.title =
      schedule.nextRunAt === null
        ? "Set up a schedule in the sidebar first (Schedule syncs…)."
        : "Fires the time-driven trigger now.";
  }
}
