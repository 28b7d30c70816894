import { personRow, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Batching (README "Rules"): every Sheets call costs tens of milliseconds in Apps Script, so the
 * number of calls of each flow is the same for a 10-row tab and a 5,000-row one.
 */

const sandbox = useAddonSandbox();

/** Sheets calls of each step of a tab's life, for a tab of `rows` people, one in seven with a wrong phone. */
function sheetsCallsPerStep(rows: number, group: string): Record<string, number> {
  const world = new World(sandbox);
  const people = Array.from({ length: rows }, (_, i) => personRow(i + 1, i % 7 === 2 ? { Phone: "555" } : {}));
  world.type([ROSTER_HEADER, ...people]);
  world.linkNewGroup(group, group);
  const calls: Record<string, number> = {};
  const measure = (step: string, run: () => void) => {
    run();
    calls[step] = world.lastReport.counts.sheetsCalls;
  };

  measure("validate", () => world.call("validateTab", { sheetId: world.sheetId }));
  measure("validate again", () => world.call("validateTab", { sheetId: world.sheetId }));
  measure("preview", () => world.call("previewSync", { sheetId: world.sheetId }));
  measure("first sync", () => {
    // The add-on created the group, so the first sync asks nothing.
    const result = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(result.state).toBe("completed");
  });
  world.roster.typeInto(2, 2, "Renamed");
  measure("menu sync", () => world.runMenu("syncActiveTab"));
  measure("menu validate", () => world.runMenu("validateActiveTab"));
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
  measure("unchanged scheduled run", () => world.runSchedule());
  world.roster.typeInto(2, 2, "Renamed again");
  measure("scheduled sync", () => world.runSchedule());
  expect(world.logEntries().map((entry) => entry.Outcome)).toEqual(["Completed", "Completed", "Completed"]);
  return calls;
}

it("makes as many Sheets calls for a 5,000-row tab as for a 10-row one, in every flow", () => {
  const small = sheetsCallsPerStep(10, "small");
  const large = sheetsCallsPerStep(5_000, "large");

  expect(large).toEqual(small);
  // A sanity bound: each step is a handful of batched calls, not one per row.
  for (const count of Object.values(small)) expect(count).toBeLessThan(100);
});
