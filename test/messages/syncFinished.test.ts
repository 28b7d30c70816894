import { FINISHED_PARTS, syncFinished } from "../../src/messages/sync";

describe("the sentence of a finished sync", () => {
  it("leaves out zero counts", () => {
    const parts = [FINISHED_PARTS.added(28), FINISHED_PARTS.alreadyInGroup(0), FINISHED_PARTS.removed(0)];
    expect(syncFinished("Roster", "Acme", parts)).toBe('Vitable finished the sync of "Roster" to Acme: 28 added.');
  });

  it("counts the rows not sent, and why, without the reasons that count none", () => {
    expect(FINISHED_PARTS.notSent(3, 1)).toBe("4 rows not sent: 3 invalid, 1 left out");
    expect(FINISHED_PARTS.notSent(0, 1)).toBe("1 row not sent: 1 left out");
    expect(FINISHED_PARTS.notSent(0, 0)).toBeNull();
    const parts = [FINISHED_PARTS.added(28), FINISHED_PARTS.removed(0), FINISHED_PARTS.notSent(3, 1)];
    expect(syncFinished(null, "Acme", parts)).toBe(
      "Vitable finished the sync of the tab to Acme: 28 added, 4 rows not sent: 3 invalid, 1 left out.",
    );
  });

  it("says nothing changed when every count is zero", () => {
    expect(syncFinished("Roster", "Acme", [FINISHED_PARTS.added(0), FINISHED_PARTS.removed(0)])).toBe(
      'Vitable finished the sync of "Roster" to Acme: nothing changed.',
    );
  });
});
