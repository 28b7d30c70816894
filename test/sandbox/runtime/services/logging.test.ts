import { createConsole, createLogger } from "../../../../sandbox/runtime/services/logging";
import { testExecution } from "../support/testExecution";

describe("Logger", () => {
  it("writes lines to the execution's log and keeps them for getLog until clear", () => {
    const execution = testExecution();
    const logger = createLogger(execution);
    logger.log("Sync started").log("Rows read: %s of %s", 12, 40);
    expect(logger.getLog()).toBe("Sync started\nRows read: 12 of 40");
    logger.clear();
    expect(logger.getLog()).toBe("");
    expect(execution.logs).toEqual([
      { source: "Logger", level: "log", message: "Sync started" },
      { source: "Logger", level: "log", message: "Rows read: 12 of 40" },
    ]);
  });

  it.each([
    [[{ added: 2, failed: 0 }], '{"added":2,"failed":0}'],
    [[["a", 1]], '["a",1]'],
    [[null], "null"],
    [["%s left %s", 3], "3 left %s"],
  ])("formats %j as %j", (args, message) => {
    const execution = testExecution();
    const [first, ...rest] = args as [unknown, ...unknown[]];
    createLogger(execution).log(first, ...rest);
    expect(execution.logs[0]!.message).toBe(message);
  });
});

describe("console", () => {
  it.each([
    ["log", ["Groups loaded: %d", "4"], "Groups loaded: 4"],
    ["info", ["%s synced %i rows in %fs", "Tab 1", "12.7", "1.5"], "Tab 1 synced 12 rows in 1.5s"],
    ["warn", ["Retrying", { status: 429 }], 'Retrying {"status":429}'],
    ["error", [new Error("Network unreachable")], "Error: Network unreachable"],
    ["log", ["100%% done %o", { ok: true }, "extra"], '100% done {"ok":true} extra'],
  ] as const)("console.%s formats %j as %j", (level, args, message) => {
    const execution = testExecution();
    const console = createConsole(execution);
    console[level](...(args as unknown as [unknown, ...unknown[]]));
    expect(execution.logs).toEqual([{ source: "console", level, message }]);
  });

  it("formats errors of the script's realm and dates in ISO form", () => {
    const execution = testExecution();
    createConsole(execution).error(execution.exception("Lock timeout"), execution.realm.date(Date.UTC(2026, 10, 23)));
    expect(execution.logs[0]!.message).toBe("Exception: Lock timeout 2026-11-23T00:00:00.000Z");
  });
});
