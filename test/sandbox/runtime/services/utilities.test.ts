import fc from "fast-check";
import vm from "node:vm";
import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import { createUtilities, SLEEP_LIMIT_MS } from "../../../../sandbox/runtime/services/utilities";
import { TEST_START, testExecution } from "../support/testExecution";

function setup() {
  const clock = createSandboxClock({ followsRealTime: false, start: TEST_START });
  const execution = testExecution({ clock });
  return { clock, execution, utilities: createUtilities(execution) };
}

/** Published digests are hex; Apps Script gives Java's signed bytes. */
function signedBytes(hex: string): number[] {
  return (hex.match(/../g) ?? []).map((pair) => {
    const byte = parseInt(pair, 16);
    return byte > 127 ? byte - 256 : byte;
  });
}

describe("Utilities.sleep", () => {
  it("moves the sandbox clock instead of waiting", () => {
    const { clock, utilities } = setup();
    const advance = jest.spyOn(clock, "advance");
    // The one way synchronous code can wait (realTimeClock.ts uses it).
    const blockingWait = jest.spyOn(Atomics, "wait");
    try {
      utilities.sleep(120_000);
      expect(advance).toHaveBeenCalledWith(120_000);
      expect(blockingWait).not.toHaveBeenCalled();
      expect(clock.now()).toBe(TEST_START + 120_000);
    } finally {
      blockingWait.mockRestore();
    }
  });

  it("refuses more than five minutes, and a negative time", () => {
    const { clock, utilities } = setup();
    expect(() => utilities.sleep(SLEEP_LIMIT_MS + 1)).toThrow("Argument too large: milliseconds");
    expect(() => utilities.sleep(-1)).toThrow("Invalid argument: milliseconds");
    expect(clock.now()).toBe(TEST_START);
  });

  it("ends the execution when the sleep crosses its time limit", () => {
    const { utilities } = setup();
    utilities.sleep(SLEEP_LIMIT_MS);
    expect(() => utilities.sleep(SLEEP_LIMIT_MS)).toThrow("Exceeded maximum execution time");
    expect(() => utilities.getUuid()).toThrow("Exceeded maximum execution time");
  });
});

describe("Utilities.formatDate", () => {
  it.each([
    [TEST_START, "America/New_York", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2026-11-23T10:00:00.000-05:00"],
    [TEST_START, "Asia/Kolkata", "yyyy-MM-dd HH:mm Z", "2026-11-23 20:30 +0530"],
    [TEST_START, "Asia/Kolkata", "X XX XXX", "+05 +0530 +05:30"],
    [TEST_START, "UTC", "EEE, d MMM yyyy hh:mm a", "Mon, 23 Nov 2026 03:00 PM"],
    [TEST_START, "America/Los_Angeles", "EEEE, MMMM d, yyyy h:mm a z", "Monday, November 23, 2026 7:00 AM PST"],
    [TEST_START, "Europe/Paris", "dd/MM/yy HH:mm z", "23/11/26 16:00 CET"],
    [TEST_START, "Etc/UTC", "yyyy-MM-dd'T'HH:mmX", "2026-11-23T15:00Z"],
    [TEST_START, "GMT+2", "HH:mm z Z", "17:00 GMT+02:00 +0200"],
    [TEST_START, "Not/AZone", "HH:mm z", "15:00 GMT"],
    [TEST_START, "America/New_York", "h 'o''clock' a", "10 o'clock AM"],
    [TEST_START, "America/New_York", "''yy'' y M MMM", "'26' 2026 11 Nov"],
    [
      Date.UTC(2026, 2, 8, 6, 59, 59, 5),
      "America/New_York",
      "yyyy-MM-dd HH:mm:ss.SSS z",
      "2026-03-08 01:59:59.005 EST",
    ],
    [Date.UTC(2026, 2, 8, 7, 0, 0, 5), "America/New_York", "yyyy-MM-dd HH:mm:ss.SSS z", "2026-03-08 03:00:00.005 EDT"],
    [Date.UTC(2026, 10, 1, 5, 30), "America/New_York", "HH:mm zzzz", "01:30 Eastern Daylight Time"],
    [Date.UTC(2026, 10, 1, 6, 30), "America/New_York", "HH:mm zzzz", "01:30 Eastern Standard Time"],
    [Date.UTC(2026, 0, 1, 5), "America/Los_Angeles", "yyyy-MM-dd", "2025-12-31"],
    [Date.UTC(2026, 0, 1, 5), "Asia/Tokyo", "yyyy-MM-dd", "2026-01-01"],
    [Date.UTC(2026, 0, 15, 12), "Australia/Sydney", "HH:mm XXX", "23:00 +11:00"],
    [Date.UTC(2026, 6, 1, 12), "Europe/London", "HH:mm z", "13:00 BST"],
    [Date.UTC(2026, 6, 1, 12, 0, 0, 5), "UTC", "s.S s.SSSS", "0.5 0.0005"],
  ])("formats %s in %s with %j as %j", (ms, timeZone, pattern, expected) => {
    const { execution, utilities } = setup();
    expect(utilities.formatDate(execution.realm.date(ms), timeZone, pattern)).toBe(expected);
  });

  it("reads the date in the zone given, never the process zone", () => {
    // The tests run in Los Angeles; a date near midnight UTC lands on another day there.
    const { execution, utilities } = setup();
    const date = execution.realm.date(Date.UTC(2026, 5, 30, 23, 30));
    expect(utilities.formatDate(date, "UTC", "yyyy-MM-dd")).toBe("2026-06-30");
    expect(utilities.formatDate(date, "Europe/Berlin", "yyyy-MM-dd")).toBe("2026-07-01");
  });

  it.each([
    ["yyyy-qq", "Illegal pattern character 'q'"],
    ["HH 'o", "Unterminated quote"],
    ["XXXX", "invalid ISO 8601 format: length=4"],
  ])("rejects the pattern %j as Java does", (pattern, message) => {
    const { execution, utilities } = setup();
    expect(() => utilities.formatDate(execution.realm.date(TEST_START), "UTC", pattern)).toThrow(message);
  });

  it("rejects a value that is not a Date", () => {
    const { utilities } = setup();
    expect(() => utilities.formatDate("2026-11-23" as unknown as GoogleAppsScript.Base.Date, "UTC", "yyyy")).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe("Utilities digests and signatures", () => {
  it("returns an MD5 digest as Java's signed bytes", () => {
    const { utilities } = setup();
    expect(utilities.computeDigest(utilities.DigestAlgorithm.MD5, "hello")).toEqual([
      93, 65, 64, 42, -68, 75, 42, 118, -71, 113, -99, -111, 16, 23, -59, -110,
    ]);
  });

  it.each([
    ["MD5", "hello", "5d41402abc4b2a76b9719d911017c592"],
    ["SHA_1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"],
    ["SHA_256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["SHA_256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ] as const)("computes %s of %j", (algorithm, text, hex) => {
    const { utilities } = setup();
    expect(utilities.computeDigest(utilities.DigestAlgorithm[algorithm], text)).toEqual(signedBytes(hex));
  });

  it("digests text in the charset given, and byte arrays as they are", () => {
    const { utilities } = setup();
    const { DigestAlgorithm, Charset } = utilities;
    const utf8 = utilities.computeDigest(DigestAlgorithm.SHA_1, "café");
    expect(utilities.computeDigest(DigestAlgorithm.SHA_1, "café", Charset.UTF_8)).toEqual(utf8);
    // US-ASCII has no "é": Java writes "?" in its place.
    expect(utilities.computeDigest(DigestAlgorithm.SHA_1, "café", Charset.US_ASCII)).toEqual(
      utilities.computeDigest(DigestAlgorithm.SHA_1, "caf?"),
    );
    expect(utilities.computeDigest(DigestAlgorithm.SHA_1, [99, 97, 102, -61, -87])).toEqual(utf8);
  });

  it("signs with HMAC-SHA256 (RFC 4231 test case 2)", () => {
    const { utilities } = setup();
    const expected = signedBytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(utilities.computeHmacSha256Signature("what do ya want for nothing?", "Jefe")).toEqual(expected);
    const bytes = (text: string) => Array.from(Buffer.from(text), (b) => (b > 127 ? b - 256 : b));
    expect(utilities.computeHmacSha256Signature(bytes("what do ya want for nothing?"), bytes("Jefe"))).toEqual(
      expected,
    );
  });

  it("returns byte arrays of the script's realm", () => {
    const { execution, utilities } = setup();
    execution.realm.context.digest = utilities.computeDigest(utilities.DigestAlgorithm.MD5, "x");
    expect(vm.runInContext("digest instanceof Array", execution.realm.context)).toBe(true);
  });

  it("rejects an algorithm that is not a DigestAlgorithm", () => {
    const { utilities } = setup();
    expect(() =>
      utilities.computeDigest("sha256" as unknown as GoogleAppsScript.Utilities.DigestAlgorithm, "x"),
    ).toThrow("The parameters (String,String) don't match the method signature for Utilities.computeDigest.");
  });
});

describe("Utilities base64", () => {
  it.each([
    ["hello world", "aGVsbG8gd29ybGQ="],
    ["", ""],
    ["€", "4oKs"],
  ])("encodes %j as %j and back", (text, encoded) => {
    const { utilities } = setup();
    expect(utilities.base64Encode(text)).toBe(encoded);
    expect(Buffer.from(utilities.base64Decode(encoded).map((b) => b & 0xff)).toString("utf8")).toBe(text);
  });

  it("uses - and _ in the web-safe alphabet and keeps the padding", () => {
    const { utilities } = setup();
    expect(utilities.base64Encode([-5, -1])).toBe("+/8=");
    expect(utilities.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
    expect(utilities.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
    expect(utilities.base64DecodeWebSafe("-_8")).toEqual([-5, -1]);
  });

  it.each([["not base64!"], ["a"], ["-_8="]])("refuses to decode %j", (text) => {
    const { utilities } = setup();
    expect(() => utilities.base64Decode(text)).toThrow("Could not decode string.");
  });

  it("round-trips any bytes, in both alphabets", () => {
    const { utilities } = setup();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -128, max: 127 }), { maxLength: 64 }), (bytes) => {
        expect(utilities.base64Decode(utilities.base64Encode(bytes))).toEqual(bytes);
        expect(utilities.base64DecodeWebSafe(utilities.base64EncodeWebSafe(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe("Utilities blobs", () => {
  it("makes a blob from text or bytes, with a content type and a name", () => {
    const { utilities } = setup();
    const text = utilities.newBlob("Roster ✓");
    expect(text.getDataAsString()).toBe("Roster ✓");
    expect(text.getContentType()).toBe("text/plain");
    expect(text.getName()).toBeNull();

    const bytes = utilities.newBlob([104, 105], "application/octet-stream", "hi.bin");
    expect(bytes.getDataAsString("US-ASCII")).toBe("hi");
    expect(bytes.getContentType()).toBe("application/octet-stream");
    expect(bytes.getName()).toBe("hi.bin");
  });

  it("chains setters and copies independently", () => {
    const { utilities } = setup();
    const blob = utilities.newBlob("a").setName("a.txt").setContentType("text/csv").setDataFromString("b,c");
    const copy = blob.copyBlob().setDataFromString("changed");
    expect(blob.getDataAsString()).toBe("b,c");
    expect(blob.getBytes()).toEqual([98, 44, 99]);
    expect(copy.getDataAsString()).toBe("changed");
    expect(copy.getName()).toBe("a.txt");
  });

  it("compresses with gzip and decompresses back", () => {
    const { utilities } = setup();
    const original = utilities.newBlob("name,dob\n".repeat(200), "text/csv", "roster.csv");
    const zipped = utilities.gzip(original);
    expect(zipped.getBytes().slice(0, 2)).toEqual([31, -117]);
    expect(zipped.getBytes().length).toBeLessThan(original.getBytes().length);
    expect(zipped.getContentType()).toBe("application/x-gzip");
    const unzipped = utilities.ungzip(utilities.gzip(original, "roster.csv.gz"));
    expect(unzipped.getDataAsString()).toBe("name,dob\n".repeat(200));
    expect(unzipped.getName()).toBe("roster.csv");
  });

  it("refuses to ungzip data that is not gzip", () => {
    const { utilities } = setup();
    expect(() => utilities.ungzip(utilities.newBlob("plain"))).toThrow("Could not decompress gzip.");
  });

  it("gives a new version 4 UUID each time", () => {
    const { utilities } = setup();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(utilities.getUuid()).toMatch(uuid);
    expect(utilities.getUuid()).not.toBe(utilities.getUuid());
  });
});
