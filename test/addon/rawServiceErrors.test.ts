import type { ExecutionReport } from "../../sandbox/runtime/runtime";
import { LOG_TAB, personRow, ROSTER_HEADER, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";
import { CallFaults, throwException, type CallMatch } from "./support/callFaults";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";

/**
 * Product invariant 9, "member data is never written to logs", for the errors the add-on does
 * not expect: an Apps Script service failing with a message that quotes a cell. Such a message
 * reaches neither the person (sidebar, alerts, toasts, problem email) nor any log (the log tab,
 * the execution's console); they read the add-on's generic sentence instead.
 */

let sandbox: AddonSandbox;
// Builds the bundle and spawns the emulator: slow on a loaded machine.
beforeAll(async () => {
  sandbox = await startAddonSandbox();
}, STARTUP_TIMEOUT_MS);
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const CELL_TEXT = "Jane Doe 1984-03-02 555-0100";
/** Shaped like Sheets' own errors, which name the cell and what was in it. */
const RAW_ERROR = `The data you entered in cell B2 ("${CELL_TEXT}") violates the data validation rules set on this cell.`;
const PERSONAL_DATA = [CELL_TEXT, "Jane", "1984-03-02", "555-0100"];
const GENERIC_SENTENCE =
  "The add-on ran into an unexpected problem and stopped before changing anything further. Try again; if it happens again, note the time and contact your integration owner.";
const RECORDS_SHEET = "Vitable Sync Records";

type Flow = "sidebar sync" | "menu sync" | "scheduled run";
const EVERY_FLOW: Flow[] = ["sidebar sync", "menu sync", "scheduled run"];

/** Service calls of a sync that can fail with cell text, told apart by the sheet they act on. */
const FAILING_CALLS: { name: string; call: (world: World) => CallMatch; flows: Flow[] }[] = [
  {
    name: "reading the roster tab",
    call: (world) => ({ service: "Range", method: "getValues", target: world.roster.name }),
    flows: EVERY_FLOW,
  },
  {
    name: "writing the roster tab's statuses",
    call: (world) => ({ service: "Range", method: "setValues", target: world.roster.name }),
    flows: EVERY_FLOW,
  },
  {
    // The first write there takes the sync lease, before anything is read or sent. A scheduled
    // run takes it outside any catch, so the raw error would end the execution: not covered here.
    name: "writing the records sheet",
    call: () => ({ service: "Range", method: "setValues", target: RECORDS_SHEET }),
    flows: ["sidebar sync", "menu sync"],
  },
];

/** What google.script.run hands the sidebar: the answer of a sidebar call. */
type SidebarAnswer = { ok: boolean; value?: { message?: string }; message?: string };

/** What the flow told the person who ran it, and the text it answered with. */
interface FlowRun {
  report: ExecutionReport;
  /** The sentence meant for the person: the sidebar's message, the last alert, the logged detail. */
  sentence: string;
  /** Everything the person was shown or sent: the sidebar's whole answer, every alert and toast, mail. */
  shown: string;
}

/**
 * Jane Doe and a colleague synced once, then a hire typed in, so the next sync reads the tab,
 * sends it and writes statuses and records.
 */
function worldWithJane(faults: CallFaults): World {
  const world = new World(sandbox, { beforeCall: faults.beforeCall });
  const jane = personRow(1, { "First Name": "Jane", "Last Name": "Doe", DOB: "3/2/1984", Phone: "(415) 555-0100" });
  world.type([ROSTER_HEADER, jane, personRow(2)]);
  world.firstSync();
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: true });
  world.roster.typeRows(4, 1, [personRow(3)]);
  return world;
}

function runFlow(world: World, flow: Flow): FlowRun {
  const uiBefore = world.runtime.ui.shown.length;
  const mailBefore = world.runtime.mail.sent().length;
  const shownSince = () =>
    JSON.stringify([world.runtime.ui.shown.slice(uiBefore), world.runtime.mail.sent().slice(mailBefore)]);
  switch (flow) {
    case "sidebar sync": {
      const answersBefore = world.answers.length;
      // An execution that fails outright reaches the sidebar's failure handler as its error.
      let failure = "";
      try {
        world.sync();
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const answers = world.answers.slice(answersBefore);
      const last = answers.length === 0 ? null : (JSON.parse(answers.at(-1)!) as SidebarAnswer);
      const sentence = last === null ? failure : last.ok ? (last.value?.message ?? "") : (last.message ?? "");
      return { report: world.lastReport, sentence, shown: [...answers, failure, shownSince()].join("\n") };
    }
    case "menu sync": {
      const report = world.runMenu("syncActiveTab");
      const alerts = world.runtime.ui.shown.slice(uiBefore).filter((event) => event.type === "alert");
      return { report, sentence: alerts.at(-1)?.prompt ?? "", shown: shownSince() };
    }
    case "scheduled run": {
      const report = world.runSchedule();
      return { report, sentence: world.logEntries().at(-1)?.Details ?? "", shown: shownSince() };
    }
  }
}

function logTabText(world: World): string {
  return world.spreadsheet.sheetByName(LOG_TAB)?.displayValuesForHost().flat().join("\n") ?? "";
}

function consoleText(world: World): string {
  return world.runtime.history.flatMap((report) => report.logs.map((entry) => entry.message)).join("\n");
}

describe.each(FAILING_CALLS)("an Apps Script error quoting a cell, $name", ({ call, flows }) => {
  it.each(flows)("is neither shown nor logged by a %s", (flow) => {
    const faults = new CallFaults();
    const world = worldWithJane(faults);
    const loggedBefore = world.logEntries().length;
    const strike = faults.once(call(world), throwException(RAW_ERROR));

    const run = runFlow(world, flow);

    expect(strike.struck).toBe(true);
    // The add-on handled the error: Apps Script's own execution log has nothing to record either.
    expect(run.report.error).toBeNull();
    expect(run.sentence).toBe(GENERIC_SENTENCE);
    // A failure that stopped a sync already under way is logged, in the same words.
    for (const entry of world.logEntries().slice(loggedBefore)) {
      expect(entry).toMatchObject({ Outcome: "Failed", Details: GENERIC_SENTENCE });
    }
    if (flow === "scheduled run") expect(world.runtime.mail.sent().at(-1)?.body).toContain(GENERIC_SENTENCE);
    const everywhere = { shown: run.shown, logTab: logTabText(world), console: consoleText(world) };
    for (const data of PERSONAL_DATA) {
      expect(everywhere.shown).not.toContain(data);
      expect(everywhere.logTab).not.toContain(data);
      expect(everywhere.console).not.toContain(data);
    }
  });
});

it("leaves a trace of a scheduled run whose log tab cannot be written: the problem email still goes out", () => {
  const faults = new CallFaults();
  const world = new World(sandbox, { beforeCall: faults.beforeCall });
  world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
  world.firstSync();
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: true });
  world.roster.typeRows(4, 1, [personRow(3)]);
  // Every write of the run fails: the log tab's and the records' (the schedule's summary).
  for (let i = 0; i < 5; i++) {
    faults.once({ service: "Range", method: "setValues", target: LOG_TAB }, throwException(RAW_ERROR));
    faults.once({ service: "Range", method: "setValues", target: RECORDS_SHEET }, throwException(RAW_ERROR));
  }

  expect(world.runSchedule().ok).toBe(true);

  const mail = world.runtime.mail.sent();
  expect(mail).toHaveLength(1);
  expect(mail[0]!.body).toContain(GENERIC_SENTENCE);
  for (const data of PERSONAL_DATA) expect(mail[0]!.body).not.toContain(data);
});
