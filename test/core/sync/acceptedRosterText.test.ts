import fc from "fast-check";
import { UNKNOWN_FINGERPRINT, type AcceptedRoster } from "../../../src/core/sync/acceptedRoster";
import { parseAcceptedRoster, serializeAcceptedRoster } from "../../../src/core/sync/acceptedRosterText";
import { fingerprintText } from "../../../src/core/sync/fingerprint";
import { accepted, acceptedOf } from "./builders";

const small = accepted([acceptedOf("EMP-1"), { referenceId: "EMP-2", name: "", fingerprint: UNKNOWN_FINGERPRINT }]);

/** A text whose checksum is right, to reach the checks behind it. */
function withChecksum(lines: string[]): string {
  const body = lines.join("\n") + "\n";
  return body + fingerprintText(body);
}

const anyText = fc.string({ unit: "binary" });
const someText = fc.string({ unit: "binary", minLength: 1 });
const fingerprint = fc.oneof(fc.stringMatching(/^[0-9A-Za-z_-]{8}$/), fc.constant(UNKNOWN_FINGERPRINT));
const anyRoster: fc.Arbitrary<AcceptedRoster> = fc.record({
  groupId: someText,
  requestId: someText,
  completedAt: someText,
  members: fc.uniqueArray(fc.record({ referenceId: someText, name: anyText, fingerprint }), {
    selector: (member) => member.referenceId,
    maxLength: 20,
  }),
});

describe("serializeAcceptedRoster", () => {
  it("writes one short line per member", () => {
    const lines = serializeAcceptedRoster(small).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "VitableRoster/1",
      "grp_tier1\tgrpmsr_previous\t2026-01-15T10:30:04Z\t2",
      `EMP-1\tFirst EMP-1\t${small.members[0]!.fingerprint}`,
      "EMP-2\t\t",
    ]);
    expect(lines).toHaveLength(5);
  });

  it("escapes the characters that separate values, and lone surrogates", () => {
    const roster = accepted([
      { referenceId: "A\tB", name: "back\\slash\nnew\rline \uD800 \uDC00x 😀", fingerprint: "" },
    ]);
    const text = serializeAcceptedRoster(roster);
    expect(text.split("\n")[2]).toBe("A\\tB\tback\\\\slash\\nnew\\rline \\uD800 \\uDC00x 😀\t");
    expect(parseAcceptedRoster(text)).toEqual({ ok: true, roster });
  });

  it("writes well-formed Unicode, which storage as UTF-8 keeps intact", () => {
    fc.assert(
      fc.property(anyRoster, (roster) => {
        expect(() => encodeURIComponent(serializeAcceptedRoster(roster))).not.toThrow();
      }),
    );
  });
});

describe("parseAcceptedRoster", () => {
  it("reads back exactly what was written, whatever the text", () => {
    fc.assert(
      fc.property(anyRoster, (roster) => {
        expect(parseAcceptedRoster(serializeAcceptedRoster(roster))).toEqual({ ok: true, roster });
      }),
    );
  });

  it("reads a roster with no members", () => {
    const empty = accepted([]);
    expect(parseAcceptedRoster(serializeAcceptedRoster(empty))).toEqual({ ok: true, roster: empty });
  });

  it.each([
    ["an empty text", ""],
    ["another text", "hello"],
    ["a misspelt header", serializeAcceptedRoster(small).replace("VitableRoster", "VitableRooster")],
    ["a version that is not a number", serializeAcceptedRoster(small).replace("/1", "/x")],
  ])("refuses %s as not a saved roster", (_case, text) => {
    expect(parseAcceptedRoster(text)).toEqual({
      ok: false,
      problem: "The saved record of the last sync is not in a format this add-on recognises.",
    });
  });

  it("refuses a format version it does not know", () => {
    const newer = withChecksum(["VitableRoster/2", "grp_tier1\tgrpmsr_previous\t2026-01-15T10:30:04Z\t0"]);
    expect(parseAcceptedRoster(newer)).toEqual({
      ok: false,
      problem:
        "The saved record of the last sync was written in format 2 by a newer version of the add-on, which this version cannot read.",
    });
  });

  it("refuses a record with any one character changed", () => {
    const text = serializeAcceptedRoster(small);
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0, max: 0xffff }), (at, unit) => {
        fc.pre(text.charCodeAt(at) !== unit);
        const changed = text.slice(0, at) + String.fromCharCode(unit) + text.slice(at + 1);
        expect(parseAcceptedRoster(changed).ok).toBe(false);
      }),
    );
  });

  it("refuses a record cut short anywhere", () => {
    const text = serializeAcceptedRoster(small);
    for (let end = 0; end < text.length; end++) {
      expect(parseAcceptedRoster(text.slice(0, end)).ok).toBe(false);
    }
  });

  it("refuses a record with a member line missing", () => {
    const lines = serializeAcceptedRoster(small).split("\n");
    const text = lines.slice(0, 3).join("\n") + "\n" + lines[4];
    expect(parseAcceptedRoster(text)).toEqual({
      ok: false,
      problem: "The saved record of the last sync is damaged (its checksum does not match).",
    });
  });

  const header = "grp_tier1\tgrpmsr_previous\t2026-01-15T10:30:04Z";
  it.each([
    ["a count that does not match", [`${header}\t3`, "EMP-1\tJane\t"], "it should list 3 members but lists 1"],
    ["a header without a count", [header, "EMP-1\tJane\t"], "its first line is not a group, a request and a time"],
    [
      "an empty group ID",
      [`\tgrpmsr_previous\t2026-01-15T10:30:04Z\t0`],
      "its first line is not a group, a request and a time",
    ],
    ["an empty reference ID", [`${header}\t1`, "\tJane\t"], "member line 1 cannot be read"],
    ["a line with two values", [`${header}\t1`, "EMP-1\tJane"], "member line 1 cannot be read"],
    ["a malformed fingerprint", [`${header}\t1`, "EMP-1\tJane\tshort"], "member line 1 cannot be read"],
    ["an escape never written", [`${header}\t1`, "EMP-1\tJa\\x\t"], "member line 1 cannot be read"],
    ["a reference ID twice", [`${header}\t2`, "EMP-1\tJane\t", "EMP-1\tJohn\t"], "reference ID EMP-1 appears twice"],
  ])("refuses %s even with a matching checksum", (_case, lines, detail) => {
    expect(parseAcceptedRoster(withChecksum(["VitableRoster/1", ...lines]))).toEqual({
      ok: false,
      problem: `The saved record of the last sync is damaged (${detail}).`,
    });
  });
});
