import { spawnEmulator, type SpawnedEmulator } from "../../sandbox/emulator/process";
import { createSandboxClock } from "../../sandbox/runtime/clock";
import { loadProject } from "../../sandbox/runtime/project";
import { AppsScriptRuntime } from "../../sandbox/runtime/runtime";
import { VITABLE_BASE_URLS } from "../../src/vitable/environments";
import { buildBundle } from "../support/buildBundle";

/**
 * The first end-to-end run: the foundation's engine and Vitable client, built by the real build,
 * run in the Apps Script runtime against the emulator over real HTTP. Plans → create group →
 * submit the tab's roster → poll → write each row's outcome back.
 */
let emulator: SpawnedEmulator;
let runtime: AppsScriptRuntime;

const PROCESSING_DELAY_MS = 1_000;
const POLL_INTERVAL_MS = 500;

beforeAll(async () => {
  const bundle = buildBundle("test/sandbox/fixtures/firstSyncEntry.ts");
  emulator = await spawnEmulator({ processingDelayMs: PROCESSING_DELAY_MS });
  runtime = new AppsScriptRuntime({
    project: loadProject(bundle.dir),
    addonName: "Vitable Roster Sync",
    clock: createSandboxClock({ start: Date.UTC(2026, 10, 23, 15), followsRealTime: false }),
    fetch: { routes: { [VITABLE_BASE_URLS.production]: emulator.url, [VITABLE_BASE_URLS.uat]: emulator.url } },
  });
});

afterAll(async () => {
  await runtime.close();
  await emulator.close();
});

const ROSTER = [
  ["Employee ID", "First Name", "Last Name", "DOB", "Email", "Phone", "Plan", "Address", "City", "State", "ZIP"],
  [
    "1001",
    "Jane",
    "Doe",
    "5/15/1990",
    "jane@example.com",
    "(415) 555-0100",
    "Basic Care",
    "1 Main St",
    "Boston",
    "MA",
    "02134",
  ],
  [
    "1002",
    "Omar",
    "Haddad",
    "1985-02-11",
    "omar@other-org.example",
    "415.555.0101",
    "Care Plus",
    "2 Elm St",
    "Austin",
    "Texas",
    "78701",
  ],
  ["1003", "Ana", "Silva", "02/30/1990", "", "415 555 0102", "Family Care", "3 Oak St", "Miami", "FL", "33101"],
];

it("syncs a small roster from a sheet to the emulator and writes each row's outcome back", async () => {
  const spreadsheet = runtime.spreadsheets.create({
    name: "HR",
    timeZone: "America/New_York",
    owner: "hr@example.com",
  });
  const sheet = spreadsheet.activeSheet();
  sheet.typeRows(1, 1, ROSTER);

  const report = runtime.run("syncActiveTab", {
    spreadsheetId: spreadsheet.id,
    args: ["vit_apk_sandbox", "Acme Tier 1", "acme-tier-1"],
  });
  expect(report.error).toBeNull();
  const { groupId, requestId, results } = JSON.parse(report.value as string);

  expect(results).toEqual({
    added_group_member_ids: [expect.stringMatching(/^grpmbr_/)],
    removed_group_member_ids: [],
    failures: [{ reference_id: "1002", operation: "add", reason: expect.stringMatching(/another organization/) }],
  });
  expect(sheet.valuesForHost().map((row) => row[11])).toEqual([
    "Vitable Status",
    "Added",
    expect.stringMatching(/^Failed: .*another organization/),
    "Invalid",
  ]);

  const state = await emulator.control.state();
  const group = state.groups.find((g) => g.id === groupId)!;
  expect(group).toMatchObject({ name: "Acme Tier 1", external_reference_id: "acme-tier-1" });
  expect(group.members.map((member) => member.reference_id)).toEqual(["1001"]);
  expect(state.syncRequests.find((r) => r.request_id === requestId)).toMatchObject({
    memberCount: 2,
    status: "completed",
  });

  // One read of the tab and one write of the status column; the polls follow the sandbox clock:
  // at submission, then every 500 ms until the 1 s of processing is over.
  const polls = PROCESSING_DELAY_MS / POLL_INTERVAL_MS + 1;
  expect(report.counts.byMethod).toMatchObject({ "Range.getValues": 1, "Range.setValues": 1 });
  expect(report.counts.sheetsWrites).toBe(1);
  expect(report.counts.urlFetches).toBe(3 + polls);
  expect(report.counts.byMethod["Utilities.sleep"]).toBe(polls - 1);
});
