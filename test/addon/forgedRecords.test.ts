import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import { fingerprintText } from "../../src/core/sync/fingerprint";
import { rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * An editor may unhide the records tab and edit it. The add-on's records are signed with a
 * secret editors cannot read, so what they write reads as no record.
 */

const sandbox = useAddonSandbox();

const RECORDS_TAB = "Vitable Sync Records";

function recordsTab(world: World): SheetModel {
  const sheet = world.spreadsheet.sheetByName(RECORDS_TAB);
  if (sheet === null) throw new Error("No records tab.");
  return sheet;
}

/** The row, first column and stored text (signature line first) of the tab's last accepted roster. */
function acceptedRecord(world: World): { row: number; column: number; stored: string } {
  const values = recordsTab(world).valuesForHost();
  const index = values.findIndex((row) => row[0] === `~accepted:${world.sheetId}`);
  if (index < 0) throw new Error("No accepted roster record.");
  const row = values[index]!;
  // A record that lists people starts in column D, leaving C to the short records.
  const first = row[2] === "" ? 3 : 2;
  const chunks = row.slice(first, first + Number(row[1])).map((cell) => String(cell).slice(1));
  return { row: index + 1, column: first + 1, stored: chunks.join("") };
}

/**
 * What an editor who studied the format would type: the record keeps only the people still in
 * the tab, with its count and checksum made right, and the signature left as it was.
 */
function forgeAcceptedRoster(world: World, keep: readonly string[]): void {
  const { row, column, stored } = acceptedRecord(world);
  const split = stored.indexOf("\n");
  const [magic, header, ...rest] = stored.slice(split + 1).split("\n");
  const members = rest.slice(0, -1).filter((line) => keep.includes(line.split("\t")[0]!));
  const fields = header!.split("\t");
  fields[3] = String(members.length);
  const body = [magic, fields.join("\t"), ...members].join("\n") + "\n";
  const forged = stored.slice(0, split + 1) + body + fingerprintText(body);
  const tab = recordsTab(world);
  tab.typeInto(row, 2, "1");
  tab.typeInto(row, column, `~${forged}`);
}

describe("a last accepted roster an editor edited", () => {
  it("reads as none, so a scheduled run removes nobody it would not have asked about", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(15));
    const groupId = world.firstSync();
    world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
    // Twelve rows go, and the record is made to say the group only ever held the other three.
    world.clearDataRows();
    world.type(rosterOf(3));
    forgeAcceptedRoster(world, ["1001", "1002", "1003"]);

    world.runSchedule();

    expect(await world.membersOf(groupId)).toHaveLength(15);
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: expect.stringMatching(/blocked/i) });
  });

  it("reads as none when syncing from the sidebar, which asks as for a first sync", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(15));
    const groupId = world.firstSync();
    world.clearDataRows();
    world.type(rosterOf(3));
    forgeAcceptedRoster(world, ["1001", "1002", "1003"]);

    const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });

    expect(asked.state === "needsConfirmation" && asked.confirmations.map((c) => c.guard)).toEqual(["noLastAccepted"]);
    expect(await world.membersOf(groupId)).toHaveLength(15);
  });
});

describe("member fingerprints in the records", () => {
  it("are keyed with the spreadsheet's secret: the same roster records different ones in two spreadsheets", () => {
    const fingerprintsOf = (world: World) =>
      acceptedRecord(world)
        .stored.split("\n")
        .slice(3, -1)
        .map((line) => line.split("\t")[2]);
    const first = new World(sandbox);
    first.type(rosterOf(3));
    first.firstSync();
    const second = new World(sandbox);
    second.type(rosterOf(3));
    second.linkNewGroup("Acme Tier 2", "acme-tier-2");
    expect(second.sync().state).toBe("completed");

    const recorded = fingerprintsOf(first);
    expect(recorded).toHaveLength(3);
    expect(fingerprintsOf(second)).toHaveLength(3);
    for (const [index, fingerprint] of recorded.entries()) {
      expect(fingerprintsOf(second)[index]).not.toBe(fingerprint);
    }
  });
});
