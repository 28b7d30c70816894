import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rosterSheet } from "../../../sandbox/cli/rosterTab";
import { loadSavedSpreadsheet, sessionPaths } from "../../../sandbox/cli/session";
import { SpreadsheetStore } from "../../../sandbox/runtime/spreadsheet/store";

/**
 * The real CLI as a child process, as scripts and bug reports run it: each run builds the add-on,
 * starts its own emulator, and prints JSON only.
 */
const ROOT = path.resolve(__dirname, "../../..");
const CLI = path.join(ROOT, "sandbox/cli/main.ts");
const ROSTER = path.join(__dirname, "fixtures/roster.csv");
const ROSTER_WITHOUT_OMAR = path.join(__dirname, "fixtures/roster-without-omar.csv");
/** A BambooHR-style export whose ZIP column is headed "Postal Cd", a name the add-on does not know. */
const BAMBOOHR = path.join(__dirname, "fixtures/bamboohr.csv");

jest.setTimeout(60_000);

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A run that worked: exit code 0 and nothing but JSON on stdout. */
async function runJson(args: string[]) {
  const run = await runCli(args);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(run.stdout);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vitable-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The Roster tab as the session saved it. */
function savedRoster(sessionDir: string) {
  const saved = loadSavedSpreadsheet(sessionPaths(sessionDir))!;
  return rosterSheet(SpreadsheetStore.fromSnapshot(saved.runtime.spreadsheets).get(saved.spreadsheetId)!);
}

describe("validate", () => {
  it("enters cells as Sheets parses typed values, or keeps them as text with --raw, and sends the same members", async () => {
    const typedSession = path.join(dir, "typed");
    const typed = await runJson(["validate", ROSTER, "--tz", "Asia/Tokyo", "--session", typedSession]);
    expect(typed.summary).toEqual({ ready: 3, invalid: 0, excluded: 0, blank: 1 });
    expect(typed.rows.map((row: { row: number; status: string }) => [row.row, row.status])).toEqual([
      [2, "Ready"],
      [3, "Ready"],
      [5, "Ready"],
    ]);
    expect(typed.rows[0]).toEqual({
      row: 2,
      status: "Ready",
      message: expect.stringContaining("2134"),
      errors: [],
      member: {
        reference_id: "1001",
        first_name: "Jane",
        last_name: "Doe",
        date_of_birth: "1990-03-04",
        email: "jane@example.com",
        phone: "4155550100",
        plan_id: "pln_sbx_basic",
        address: { address_line_1: "1 Main St, Apt 2", city: "Boston", state: "MA", zipcode: "02134" },
      },
      readable: null,
    });
    // Sheets dropped the ZIP's zero and made the DOB a date at midnight in Tokyo (the day before in
    // the machine's Los Angeles); the add-on repaired the one and read the other in Tokyo.
    const typedTab = savedRoster(typedSession);
    expect(typedTab.cellAt(2, 11).value).toBe(2134);
    expect(typedTab.cellAt(2, 4).value).toEqual(new Date("1990-03-03T15:00:00Z"));

    const rawSession = path.join(dir, "raw");
    const raw = await runJson(["validate", ROSTER, "--raw", "--tz", "Asia/Tokyo", "--session", rawSession]);
    expect(raw.rows.map((row: { member: unknown }) => row.member)).toEqual(
      typed.rows.map((row: { member: unknown }) => row.member),
    );
    expect(raw.rows[0].message).not.toContain("2134");
    const rawTab = savedRoster(rawSession);
    expect([rawTab.cellAt(2, 11).value, rawTab.cellAt(2, 4).value]).toEqual(["02134", "03/04/1990"]);
  });
});

describe("validate with column choices", () => {
  it("reports a tab it cannot read as blocked, naming the missing column and the closest header, and exits 0", async () => {
    const output = await runJson(["validate", BAMBOOHR]);
    expect(output).toEqual({
      package_json_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      time_zone: "America/New_York",
      blocked: {
        reason: expect.stringContaining('"Postal Cd"'),
        missing: [{ column: "ZIP", field: "address.zipcode", closest: "Postal Cd" }],
        ambiguous: [],
        vanished: [],
      },
      columns: {},
      summary: { ready: 0, invalid: 0, excluded: 0, blank: 0 },
      rows: [],
    });
  });

  it("reads the column --map names, and later runs in the session without --map still do", async () => {
    const session = path.join(dir, "bamboohr");
    const mapped = await runJson(["validate", BAMBOOHR, "--session", session, "--map", "Postal Cd=zipcode"]);
    expect(mapped.blocked).toBeNull();
    expect(mapped.columns).toMatchObject({
      "Employee Number": "reference_id",
      "Postal Cd": "address.zipcode (chosen)",
    });
    expect(mapped.summary).toEqual({ ready: 1, invalid: 1, excluded: 0, blank: 0 });
    expect(mapped.rows[0].member.address.zipcode).toBe("02139");
    // Luis's birth date (02/30) is no date; everything else of his row is shown as it would be sent.
    expect(mapped.rows[1]).toMatchObject({
      row: 3,
      status: "Invalid",
      errors: [{ field: "date_of_birth" }],
      member: null,
      readable: { reference_id: "2002", "address.zipcode": "94103", plan_id: expect.any(String) },
    });
    expect(mapped.rows[1].readable).not.toHaveProperty("date_of_birth");

    const later = await runJson(["validate", BAMBOOHR, "--session", session]);
    expect(later).toEqual(mapped);

    const columns = await runJson(["columns", BAMBOOHR, "--session", session]);
    expect(columns).toMatchObject({ saved: true, problem: null });
    expect(columns.columns).toContainEqual(
      expect.objectContaining({ target: "address.zipcode", header: "Postal Cd", chosen: true }),
    );

    const cleared = await runJson(["validate", BAMBOOHR, "--session", session, "--clear-map"]);
    expect(cleared.blocked.missing).toEqual([{ column: "ZIP", field: "address.zipcode", closest: "Postal Cd" }]);
  });

  it("exits 2 with the add-on's sentence when it refuses a choice, printing nothing on stdout", async () => {
    const run = await runCli(["validate", BAMBOOHR, "--map", "Postal=zipcode"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: 'The add-on refused the column choices: There is no column "Postal" in row 1 of this tab.\n',
    });
  });
});

describe("the command line", () => {
  it("prints the usage for --help", async () => {
    const run = await runCli(["--help"]);
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage:\n.*validate FILE\.csv/), stderr: "" });
  });

  it("refuses bad usage with the reason and the usage on stderr, and nothing on stdout", async () => {
    const run = await runCli(["sync", ROSTER, "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^sync needs the group to sync to: --group "Group name"\.\n\nUsage:/);
  });

  it("says so when the file is missing", async () => {
    const missing = path.join(dir, "missing.csv");
    const run = await runCli(["validate", missing]);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `There is no file ${missing}.\n` });
  });
});

describe("sync", () => {
  it("completes a first run to the group it creates without --yes, and later removes whoever left the file", async () => {
    const session = path.join(dir, "acme");
    const sync = (file: string, ...more: string[]) =>
      runJson(["sync", file, "--group", "Acme Tier 1", "--session", session, ...more]);

    // The add-on created the group, so it knows the group holds nobody: there is nothing to confirm.
    const first = await sync(ROSTER);
    expect(first).toMatchObject({
      outcome: "completed",
      request_id: expect.any(String),
      removed: [],
      failures: [],
      confirmed: [],
    });
    expect([...first.added].sort()).toEqual(["1001", "1002", "1003"]);
    expect(first.rows.map((row: { status: string }) => row.status)).toEqual(["Added", "Added", "Added"]);

    const later = await sync(ROSTER_WITHOUT_OMAR);
    expect(later).toMatchObject({ outcome: "completed", added: [], removed: ["1002"], failures: [] });
    expect(later.request_id).not.toBe(first.request_id);
    expect(later.rows).toEqual([
      { row: 2, status: "Synced", message: expect.any(String) },
      { row: 5, status: "Synced", message: expect.any(String) },
    ]);

    // One group, found again by name on every run, holding who the file lists now.
    const vitable = JSON.parse(readFileSync(sessionPaths(session).vitableDataFile, "utf8"));
    expect(vitable.groups).toHaveLength(1);
    expect(vitable.groups[0]).toMatchObject({ name: "Acme Tier 1", external_reference_id: "acme-tier-1" });
    expect(vitable.groups[0].members.map((member: { reference_id: string }) => member.reference_id).sort()).toEqual([
      "1001",
      "1003",
    ]);
  });
});
