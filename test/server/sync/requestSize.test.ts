import { pendingSyncOf } from "../../../src/core/state/pendingSync";
import { oversizedSync, POST_BODY_LIMIT_BYTES, utf8Bytes } from "../../../src/server/sync/requestSize";
import { runSync } from "../../../src/server/sync/syncRun";
import { requestBodyText } from "../../../src/vitable/client";
import {
  confirmed,
  expectState,
  FakeSyncWorld,
  ids,
  people,
  SHEET_ID,
  syncRequest,
} from "../../support/fakeSyncContext";

describe("utf8Bytes", () => {
  it.each(["", "plain", "José Zoë", "Nguyễn", "😀 and 🙂", "\u0000\u007f\u0080\u07ff\u0800\uffff", "lone \ud800"])(
    "counts %j as UTF-8 does",
    (text) => {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
    },
  );
});

describe("oversizedSync", () => {
  it("lets a roster under the limit through", () => {
    expect(oversizedSync({ members: people(10) }, POST_BODY_LIMIT_BYTES)).toBeNull();
  });

  it("counts the bytes of text beyond ASCII, where the body's length alone could fit", () => {
    const members = people(10).map((member) => ({ ...member, last_name: "Nguyễn-Łukasiewicz" }));
    const bodyBytes = Buffer.byteLength(JSON.stringify({ members }), "utf8");
    const characters = JSON.stringify({ members }).length;
    expect(oversizedSync({ members }, bodyBytes)).toBeNull();
    expect(oversizedSync({ members }, characters)?.bodyBytes).toBe(bodyBytes);
  });

  it("estimates how many members fit from the roster's average member", () => {
    const members = people(100);
    const bodyBytes = Buffer.byteLength(JSON.stringify({ members }), "utf8");
    const oversized = oversizedSync({ members }, Math.floor(bodyBytes / 4));
    expect(oversized?.bodyBytes).toBe(bodyBytes);
    // A quarter of the body holds about a quarter of the members.
    expect(oversized?.membersThatFit).toBeGreaterThanOrEqual(24);
    expect(oversized?.membersThatFit).toBeLessThanOrEqual(25);
    const fitting = members.slice(0, oversized!.membersThatFit);
    expect(Buffer.byteLength(JSON.stringify({ members: fitting }), "utf8")).toBeLessThanOrEqual(bodyBytes / 4 + 100);
  });
});

describe("the request body", () => {
  it("is written as JSON once for the size check and the request", () => {
    const sync = { members: people(20) };
    const stringify = jest.spyOn(JSON, "stringify");
    try {
      expect(oversizedSync(sync, POST_BODY_LIMIT_BYTES)).toBeNull();
      const sent = requestBodyText(sync);
      expect(stringify.mock.calls.filter(([value]) => value === sync)).toHaveLength(1);
      expect(JSON.parse(sent)).toEqual(sync);
    } finally {
      stringify.mockRestore();
    }
  });
});

describe("a sync larger than a request can carry", () => {
  it("is refused before anything is sent, and only the refusal is written", () => {
    const world = new FakeSyncWorld({ members: people(40) });
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    const tabBefore = world.tab.values();
    const bodyBytes = Buffer.byteLength(JSON.stringify({ members: people(40) }), "utf8");

    const refused = expectState(
      runSync(
        world.context(),
        SHEET_ID,
        syncRequest({ confirmation: confirmed(asked.token), bodyLimitBytes: Math.floor(bodyBytes / 2) }),
      ),
      "failed",
    );

    expect(refused.message).toMatch(
      /^This tab's 40 members make a request of 0\.0 MB, more than the 0 MB Google lets an add-on send at once, so nothing was sent\. About (19|20) members of this size fit in one sync\.$/,
    );
    expect(world.calls.countOf("vitable.submit")).toBe(0);
    expect(world.groupMembers()).toEqual([]);
    expect(world.tab.values()).toEqual(tabBefore);
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
    expect(world.logged().map(({ entry }) => entry)).toEqual([
      expect.objectContaining({ outcome: "failed", detail: refused.message }),
    ]);
  });

  it("is sent when it fits", () => {
    const world = new FakeSyncWorld({ members: people(40) });
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    const bodyBytes = Buffer.byteLength(JSON.stringify({ members: people(40) }), "utf8");
    const request = syncRequest({ confirmation: confirmed(asked.token), bodyLimitBytes: bodyBytes });
    expectState(runSync(world.context(), SHEET_ID, request), "completed");
    expect(world.groupMembers()).toEqual(ids(1, 40).sort());
  });
});
