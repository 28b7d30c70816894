import {
  BRAKE_EXPLAINED,
  BRAKE_MINIMUM_INVALID,
  BRAKE_PERCENT_INVALID,
  BRAKE_SAVED,
  brakeSummary,
} from "../../messages/sidebar";
import { MAX_BRAKE_MINIMUM, MAX_BRAKE_PERCENT } from "../../core/sync/removalBrake";
import type { TabView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { fill } from "../dom";
import { act, button, field, fold, note, notice, row, textInput } from "../ui";

/** The tab's removal limit (the brake), folded to one line; shown once the tab is linked. */
export function removalLimitSection(sidebar: SidebarContext): Section {
  const part = fold("Removal limit");
  const feedback = notice();
  let shownFor: number | null = null;
  const render = whenChanged(({ sheetId, brake }: Pick<TabView, "sheetId" | "brake">) => {
    part.set([brakeSummary(brake.minimum, brake.percent)]);
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
    fill(
      part.body,
      note(BRAKE_EXPLAINED),
      field("People", minimum),
      field("Percent of the group", percent),
      row(save),
      feedback.element,
    );
  });
  return {
    element: part.element,
    show: ({ tab }) => {
      if (tab.sheetId !== shownFor) feedback.clear();
      shownFor = tab.sheetId;
      part.element.hidden = tab.link === null;
      render({ sheetId: tab.sheetId, brake: tab.brake });
    },
  };
}

function brakeMinimum(value: string): number {
  const minimum = Number(value);
  if (value.trim() === "" || !Number.isInteger(minimum) || minimum < 1 || minimum > MAX_BRAKE_MINIMUM) {
    throw new Error(BRAKE_MINIMUM_INVALID);
  }
  return minimum;
}

function brakePercent(value: string): number {
  const percent = Number(value);
  if (value.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > MAX_BRAKE_PERCENT) {
    throw new Error(BRAKE_PERCENT_INVALID);
  }
  return percent;
}
