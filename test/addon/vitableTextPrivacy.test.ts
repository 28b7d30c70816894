import { personRow, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Vitable's own error text may quote a member back (name, date of birth, phone): it is shown to
 * the person syncing from the sidebar, but never written to the log tab nor to a problem email.
 */

const sandbox = useAddonSandbox();

const QUOTED = "Member Zephyrine Quillfeather (DOB 1987-03-09, phone 2128675309) is invalid";
const SECRETS = ["Zephyrine", "Quillfeather", "1987-03-09", "2128675309"];

/** Every text field of Vitable's error body quoting a member. */
const PII_BODY = {
  timestamp: QUOTED,
  message: QUOTED,
  error: QUOTED,
  app_error_code: "invalid_member",
  trace_id: "trc_pii_check",
};

async function refuseNextSync(world: World): Promise<void> {
  await world.sandbox.emulator.control.injectFault({
    kind: "status",
    method: "POST",
    path: "/v1/groups/*/members/sync",
    status: 422,
    body: PII_BODY,
  });
}

it("shows Vitable's explanation in the sidebar, and keeps it out of the log tab", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(2));
  world.linkNewGroup();
  await refuseNextSync(world);

  const result = world.call("startSync", { sheetId: world.sheetId, confirmation: null });

  expect(result.state).toBe("failed");
  expect(result.state === "failed" && result.message).toContain("Zephyrine");
  const logged = JSON.stringify(world.logEntries());
  for (const secret of SECRETS) expect(logged).not.toContain(secret);
  expect(world.logEntries().at(-1)?.Details).toContain("trace ID trc_pii_check");
});

it("keeps it out of a scheduled run's log row and problem email", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(2));
  world.firstSync();
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: true });
  world.roster.typeRows(4, 1, [personRow(3)]);
  await refuseNextSync(world);

  expect(world.runSchedule().ok).toBe(true);

  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed" });
  const mail = world.runtime.mail.sent();
  expect(mail).toHaveLength(1);
  const written = JSON.stringify(world.logEntries()) + JSON.stringify(mail);
  for (const secret of SECRETS) expect(written).not.toContain(secret);
  expect(mail[0]!.body).toContain("trc_pii_check");
});
