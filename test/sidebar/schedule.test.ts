/** @jest-environment jsdom */
import type { ScheduleView } from "../../src/shared/bridge";
import { formatTime } from "../../src/sidebar/format";
import { DAILY_SCHEDULE, LOG_ENTRY, NO_SCHEDULE, state, USER } from "./support/fixtures";
import {
  buttonOf,
  click,
  closeSidebars,
  inputOf,
  openSidebar,
  sectionOf,
  selectLabelled,
  textOf,
  type,
} from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

function scheduled(request: { frequency: ScheduleView["frequency"]; emailOnProblem: boolean }): ScheduleView {
  return { ...DAILY_SCHEDULE, ...request, description: "Weekly on Friday at 7 am", lastRun: null };
}

describe("Schedule", () => {
  it("sends a weekly frequency with the day and hour chosen, and the email choice", async () => {
    const { root, server } = await openSidebar({ getSidebarState: () => state(), setSchedule: scheduled });
    const section = sectionOf(root, "Schedule");
    const day = selectLabelled(section, "Day").closest("label")!;
    expect(day.hidden).toBe(true);

    type(selectLabelled(section, "Sync"), "weekly");
    expect(day.hidden).toBe(false);
    type(selectLabelled(section, "Day"), "FRIDAY");
    type(selectLabelled(section, "At"), "7");
    inputOf(section, "emailOnProblem").click();
    await click(buttonOf(section, "Save schedule"));

    expect(server.requestsOf("setSchedule")).toEqual([
      { frequency: { kind: "weekly", day: "FRIDAY", hour: 7 }, emailOnProblem: false },
    ]);
    expect(textOf(section)).toContain("Weekly on Friday at 7 am");
  });

  it("sends an hourly frequency without a day or hour", async () => {
    const { root, server } = await openSidebar({ getSidebarState: () => state(), setSchedule: scheduled });
    const section = sectionOf(root, "Schedule");

    type(selectLabelled(section, "Sync"), "hours:6");
    expect(selectLabelled(section, "At").closest("label")!.hidden).toBe(true);
    expect(selectLabelled(section, "Day").closest("label")!.hidden).toBe(true);
    await click(buttonOf(section, "Save schedule"));

    expect(server.requestsOf("setSchedule")).toEqual([
      { frequency: { kind: "hours", every: 6 }, emailOnProblem: true },
    ]);
  });

  it("shows the current schedule, its last and next run, and lets its owner change or remove it", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state({ schedule: DAILY_SCHEDULE }),
      setSchedule: scheduled,
      clearSchedule: () => NO_SCHEDULE,
    });
    const section = sectionOf(root, "Schedule");

    const shown = textOf(section);
    expect(shown).toContain("Daily at 9 am");
    expect(shown).toContain("Runs as you.");
    expect(shown).toContain("You get an email when a scheduled sync fails or is blocked.");
    expect(shown).toContain("Completed Last run");
    expect(shown).toContain("Roster: 2 added, 1 removed.");
    expect(shown).toContain(`Next run ${formatTime(DAILY_SCHEDULE.nextRun!)}`);

    await click(buttonOf(section, "Change"));
    expect(selectLabelled(section, "Sync").value).toBe("daily");
    expect(selectLabelled(section, "At").value).toBe("9");
    await click(buttonOf(section, "Cancel"));

    await click(buttonOf(section, "Remove"));
    expect(server.requestsOf("clearSchedule")).toEqual([{}]);
    expect(buttonOf(section, "Save schedule")).toBeDefined();
  });

  it("shows someone else's schedule and who can change it, without a form", async () => {
    const { root } = await openSidebar({
      getSidebarState: () =>
        state({ schedule: { ...DAILY_SCHEDULE, runsAs: "it-admin@acme-logistics.example", ownedByYou: false } }),
    });
    const section = sectionOf(root, "Schedule");

    expect(textOf(section)).toContain("Runs as it-admin@acme-logistics.example.");
    expect(textOf(section)).toContain("Only it-admin@acme-logistics.example can change or remove this schedule.");
    expect(section.querySelectorAll("button, select")).toHaveLength(0);
  });
});

describe("Recent history", () => {
  it("lists each sync with its time, tab, outcome, counts and detail", async () => {
    const blocked = {
      ...LOG_ENTRY,
      at: "2025-03-05T17:00:38.000Z",
      outcome: "blocked" as const,
      counts: { added: 0, changed: 0, removed: 0, failed: 0, invalid: 3 },
      detail: "Row 7 is invalid and would remove Omar Haddad's coverage; a scheduled sync does not do that.",
      startedBy: USER,
    };
    const { root } = await openSidebar({ getSidebarState: () => state({ history: [blocked, LOG_ENTRY] }) });
    const entries = [...sectionOf(root, "Recent history").querySelectorAll("li")].map(textOf);

    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^Blocked .+ Roster → Acme Logistics Hourly 3 not sent \(invalid\) Row 7 is invalid/);
    expect(entries[0]).toContain(`Started by ${USER}`);
    expect(entries[1]).toMatch(/^Completed .+ Roster → Acme Logistics Hourly 2 added · 1 removed Started by Schedule/);
  });

  it("says when there is no history yet", async () => {
    const { root } = await openSidebar({ getSidebarState: () => state() });

    expect(textOf(sectionOf(root, "Recent history"))).toBe(
      "Recent history No syncs yet. Each sync is listed here and in the Vitable Sync Log tab.",
    );
  });
});
