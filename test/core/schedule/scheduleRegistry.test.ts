import {
  parseScheduleRegistry,
  scheduleBySpreadsheet,
  scheduleByTrigger,
  serializeScheduleRegistry,
  withoutSpreadsheet,
  withSchedule,
  withTriggersOnly,
  type ScheduleEntry,
} from "../../../src/core/schedule/scheduleRegistry";

const hourly: ScheduleEntry = {
  triggerId: "1000001",
  spreadsheetId: "sheet-hr",
  frequency: { kind: "hours", every: 6 },
  emailOnProblem: true,
  timeZone: "America/New_York",
  createdAt: "2026-03-07T15:20:00.000Z",
};
const weekly: ScheduleEntry = {
  triggerId: "1000002",
  spreadsheetId: "sheet-payroll",
  frequency: { kind: "weekly", day: "MONDAY", hour: 17 },
  emailOnProblem: false,
  timeZone: "Europe/London",
  createdAt: "2026-03-08T09:00:00.000Z",
};

const registryOf = (...entries: ScheduleEntry[]) => entries.reduce(withSchedule, parseScheduleRegistry(null));

describe("the schedule registry", () => {
  it("reads back what it wrote", () => {
    const registry = registryOf(hourly, weekly);
    const text = serializeScheduleRegistry(registry);
    expect(parseScheduleRegistry(text)).toEqual(registry);
    expect(scheduleByTrigger(parseScheduleRegistry(text), "1000002")).toEqual(weekly);
  });

  it("stores one small JSON object keyed by trigger ID", () => {
    const { triggerId: _id, ...record } = hourly;
    expect(JSON.parse(serializeScheduleRegistry(registryOf(hourly)))).toEqual({ "1000001": record });
  });

  it("finds a schedule by its trigger and by its spreadsheet", () => {
    const registry = registryOf(hourly, weekly);
    expect(scheduleByTrigger(registry, "1000001")).toEqual(hourly);
    expect(scheduleBySpreadsheet(registry, "sheet-payroll")).toEqual(weekly);
    expect(scheduleByTrigger(registry, "999")).toBeNull();
    expect(scheduleBySpreadsheet(registry, "sheet-other")).toBeNull();
  });

  it("keeps one schedule per spreadsheet: a new one replaces the old", () => {
    const replacement: ScheduleEntry = { ...hourly, triggerId: "1000003", frequency: { kind: "daily", hour: 9 } };
    const registry = registryOf(hourly, weekly, replacement);
    expect([...registry.keys()].sort()).toEqual(["1000002", "1000003"]);
    expect(scheduleBySpreadsheet(registry, "sheet-hr")).toEqual(replacement);
    expect(scheduleByTrigger(registry, "1000001")).toBeNull();
  });

  it("removes the schedule of a spreadsheet and leaves the others", () => {
    const registry = withoutSpreadsheet(registryOf(hourly, weekly), "sheet-hr");
    expect(scheduleBySpreadsheet(registry, "sheet-hr")).toBeNull();
    expect(scheduleBySpreadsheet(registry, "sheet-payroll")).toEqual(weekly);
  });

  it("forgets schedules whose trigger no longer exists", () => {
    const registry = withTriggersOnly(registryOf(hourly, weekly), ["1000002", "1000009"]);
    expect([...registry.keys()]).toEqual(["1000002"]);
  });

  it("never changes the registry it was given", () => {
    const registry = registryOf(hourly);
    withSchedule(registry, weekly);
    withoutSpreadsheet(registry, "sheet-hr");
    withTriggersOnly(registry, []);
    expect([...registry.keys()]).toEqual(["1000001"]);
  });
});

describe("parseScheduleRegistry with damaged input", () => {
  it.each([
    ["nothing stored", null],
    ["an empty text", ""],
    ["text that is not JSON", "{not json"],
    ["JSON cut short", serializeScheduleRegistry(registryOf(hourly)).slice(0, -10)],
    ["a JSON array", "[1, 2]"],
    ["a JSON string", '"schedules"'],
    ["JSON null", "null"],
  ])("reads %s as an empty registry", (_what, text) => {
    expect(parseScheduleRegistry(text).size).toBe(0);
  });

  it("leaves out entries it cannot read and keeps the rest", () => {
    const { triggerId: _id, ...good } = weekly;
    const text = JSON.stringify({
      "1000002": good,
      "1000004": { ...good, frequency: { kind: "hours", every: 3 } },
      "1000005": { ...good, frequency: { kind: "daily", hour: 24 } },
      "1000006": { ...good, spreadsheetId: "" },
      "1000007": { ...good, createdAt: "yesterday" },
      "1000008": { ...good, emailOnProblem: "yes" },
      "1000009": "sheet-hr",
      "": good,
    });
    expect([...parseScheduleRegistry(text)]).toEqual([["1000002", good]]);
  });

  it("keeps a trigger ID that looks like an object's prototype as plain data", () => {
    const { triggerId: _id, ...good } = hourly;
    const registry = parseScheduleRegistry(`{"__proto__": ${JSON.stringify(good)}}`);
    expect(scheduleByTrigger(registry, "__proto__")).toEqual({ ...hourly, triggerId: "__proto__" });
    expect(parseScheduleRegistry(serializeScheduleRegistry(registry))).toEqual(registry);
    expect(scheduleByTrigger(registry, "constructor")).toBeNull();
  });
});
