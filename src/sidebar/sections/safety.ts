import { BRAKE_EXPLAINED, BRAKE_MINIMUM_INVALID, BRAKE_PERCENT_INVALID, BRAKE_SAVED } from "../../messages/sidebar";
import type { TabView } from "../../shared/bridge";
import { call } from "../bridge";
import { type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { act, button, disclosure, field, note, notice, row, textInput } from "../ui";

export interface SafetyPanel {
  readonly element: HTMLElement;
  show(tab: TabView): void;
}

/** The tab's removal brake, in a small disclosure that stays open across refreshes. */
export function safetyPanel(sidebar: SidebarContext): SafetyPanel {
  const feedback = notice();
  const form = h("div", { class: "form" });
  let shownFor: number | null = null;
  const render = whenChanged(({ sheetId, brake }: Pick<TabView, "sheetId" | "brake">) => {
    const minimum = textInput({ type: "number", name: "brakeMinimum", value: String(brake.minimum) });
    const percent = textInput({ type: "number", name: "brakePercent", value: String(brake.percent) });
    const save: HTMLButtonElement = button("Save", "secondary", () => {
      void act(save, feedback, async () => {
        const tab = await call("setBrake", {
          sheetId,
          brake: { minimum: brakeMinimum(minimum.value), percent: brakePercent(percent.value) },
        });
        sidebar.apply((state) => (state.tab.sheetId === tab.sheetId ? { ...state, tab } : state));
        feedback.info(BRAKE_SAVED);
      });
    });
    fill(form, note(BRAKE_EXPLAINED), field("People", minimum), field("Percent of the group", percent), row(save));
  });
  return {
    element: disclosure("Safety", form, feedback.element),
    show: (tab) => {
      if (tab.sheetId !== shownFor) feedback.clear();
      shownFor = tab.sheetId;
      render({ sheetId: tab.sheetId, brake: tab.brake });
    },
  };
}

function brakeMinimum(value: string): number {
  const minimum = Number(value);
  if (value.trim() === "" || !Number.isInteger(minimum) || minimum < 1) {
    throw new Error(BRAKE_MINIMUM_INVALID);
  }
  return minimum;
}

function brakePercent(value: string): number {
  const percent = Number(value);
  if (value.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new Error(BRAKE_PERCENT_INVALID);
  }
  return percent;
}
