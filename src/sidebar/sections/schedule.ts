import {
  DAILY_CHOICE,
  EMAIL_ME,
  everyHours,
  IN_SPREADSHEET_TIME_ZONE,
  lastRunAt,
  nextRunAt,
  NO_SCHEDULE_SET,
  onlyOwnerCanChange,
  problemEmailsTo,
  runsAs,
  SCHEDULE_INTRO,
  SCHEDULE_OWNER_UNKNOWN,
  SCHEDULE_PAUSED,
  schedulePausedSummary,
  WEEKLY_CHOICE,
} from "../../messages/sidebar";
import type { Frequency, ScheduleView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatTime, hourLabel, WEEKDAYS, weekdayLabel, type Weekday } from "../format";
import { outcomeChip } from "../outcome";
import { act, button, field, fold, note, notice, row, select } from "../ui";

type Every = Extract<Frequency, { kind: "hours" }>["every"];
const EVERY: readonly Every[] = [1, 2, 4, 6, 8, 12];

/** The choices of the frequency list: "hours:N", "daily" or "weekly". */
type FrequencyChoice = `hours:${Every}` | "daily" | "weekly";

const FREQUENCY_CHOICES: ReadonlyArray<readonly [FrequencyChoice, string]> = [
  ...EVERY.map((every) => [`hours:${every}` as const, everyHours(every)] as const),
  ["daily", DAILY_CHOICE],
  ["weekly", WEEKLY_CHOICE],
];

const HOURS = Array.from({ length: 24 }, (_, hour) => [String(hour), hourLabel(hour)] as const);

/**
 * The spreadsheet's scheduled sync, folded to one line: what it is and who it runs as, or a form
 * to set one up. Without a key it is shown as paused: it cannot run until one is connected.
 */
export function scheduleSection(sidebar: SidebarContext): Section {
  const part = fold("Schedule");
  const body = h("div");
  const feedback = notice();
  fill(part.body, body, feedback.element);
  let editing = false;

  const render = whenChanged(
    ({ schedule, editing: showForm, connected }: { schedule: ScheduleView; editing: boolean; connected: boolean }) => {
      const description = schedule.frequency === null ? NO_SCHEDULE_SET : schedule.description;
      part.set([connected || schedule.frequency === null ? description : schedulePausedSummary(description)]);
      fill(body, schedule.frequency === null || showForm ? scheduleForm(schedule) : scheduleView(schedule, connected));
    },
  );
  const show = (state = sidebar.state) =>
    render({ schedule: state.schedule, editing, connected: state.connection !== null });
  const setEditing = (value: boolean) => {
    editing = value;
    feedback.clear();
    show();
  };
  const saved = (schedule: ScheduleView) => {
    editing = false;
    sidebar.apply((state) => ({ ...state, schedule }));
  };

  function scheduleView(schedule: ScheduleView, connected: boolean): HTMLElement {
    const owner = schedule.runsAs ?? SCHEDULE_OWNER_UNKNOWN;
    const othersOwner = schedule.ownedByYou ? null : owner;
    const remove: HTMLButtonElement = button("Remove", "secondary", () => {
      void act(remove, feedback, async () => saved(await call("clearSchedule", {})));
    });
    return h(
      "div",
      null,
      h("p", null, h("strong", null, schedule.description)),
      note(runsAs(othersOwner)),
      schedule.emailOnProblem && note(problemEmailsTo(othersOwner)),
      schedule.lastRun &&
        h(
          "div",
          { class: "last-sync" },
          outcomeChip(schedule.lastRun.outcome),
          ` ${lastRunAt(formatTime(schedule.lastRun.at))}`,
          schedule.lastRun.message && h("div", { class: "reason" }, schedule.lastRun.message),
        ),
      !connected && h("p", { class: "card amber" }, SCHEDULE_PAUSED),
      connected && schedule.nextRun && note(nextRunAt(formatTime(schedule.nextRun))),
      schedule.ownedByYou
        ? row(
            button("Change", "secondary", () => setEditing(true)),
            remove,
          )
        : note(onlyOwnerCanChange(owner)),
    );
  }

  function scheduleForm(schedule: ScheduleView): HTMLElement {
    if (schedule.frequency !== null && !schedule.ownedByYou) return scheduleView(schedule, true);
    const current = schedule.frequency;
    const frequency = select(FREQUENCY_CHOICES, current ? choiceOf(current) : "daily");
    const day = select(
      WEEKDAYS.map((d) => [d, weekdayLabel(d)] as const),
      current?.kind === "weekly" ? current.day : "MONDAY",
    );
    const hour = select(HOURS, String(current && current.kind !== "hours" ? current.hour : 9));
    const email = h("input", { attrs: { type: "checkbox", name: "emailOnProblem" } });
    email.checked = current ? schedule.emailOnProblem : true;
    const dayField = field("Day", day);
    const hourField = field("At", hour, IN_SPREADSHEET_TIME_ZONE);
    const showTimeFields = () => {
      dayField.hidden = frequency.value !== "weekly";
      hourField.hidden = frequency.value.startsWith("hours:");
    };
    frequency.addEventListener("change", showTimeFields);
    showTimeFields();

    // Secondary: Sync to Vitable is the sidebar's one primary.
    const save: HTMLButtonElement = button("Save schedule", "secondary", () => {
      void act(save, feedback, async () => {
        const chosen = frequencyOf(frequency.value as FrequencyChoice, day.value as Weekday, Number(hour.value));
        saved(await call("setSchedule", { frequency: chosen, emailOnProblem: email.checked }));
      });
    });
    return h(
      "div",
      { class: "form" },
      current === null && note(SCHEDULE_INTRO),
      field("Sync", frequency),
      dayField,
      hourField,
      h("label", { class: "checkbox" }, email, EMAIL_ME),
      row(save, current !== null && button("Cancel", "secondary", () => setEditing(false))),
    );
  }

  return { element: part.element, show: (state) => show(state) };
}

function choiceOf(frequency: Frequency): FrequencyChoice {
  return frequency.kind === "hours" ? `hours:${frequency.every}` : frequency.kind;
}

function frequencyOf(choice: FrequencyChoice, day: Weekday, hour: number): Frequency {
  if (choice === "daily") return { kind: "daily", hour };
  if (choice === "weekly") return { kind: "weekly", day, hour };
  return { kind: "hours", every: Number(choice.slice("hours:".length)) as Every };
}
