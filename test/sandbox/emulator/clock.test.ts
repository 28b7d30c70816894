import { isoSeconds, readClockHeader, requestTime } from "../../../sandbox/emulator/clock";
import { createEmulatorApp } from "../../../sandbox/emulator/app";
import { bodyOf, flatError, inProcess, T0 } from "./support";

describe("readClockHeader", () => {
  it.each([
    [undefined, { ok: true, requestedMs: undefined }],
    ["1768473000000", { ok: true, requestedMs: 1768473000000 }],
    [" 0 ", { ok: true, requestedMs: 0 }],
  ])("reads %j", (value, reading) => {
    expect(readClockHeader(value)).toEqual(reading);
  });

  it.each(["", "soon", "-5", "1.5", "1e12", "2026-01-15T10:30:00Z", "1".repeat(16)])("refuses %j", (value) => {
    expect(readClockHeader(value)).toEqual({
      ok: false,
      message: `X-Sandbox-Clock must be a whole number of milliseconds since 1970-01-01 UTC, not "${value}"`,
    });
  });
});

describe("requestTime", () => {
  it.each([
    ["the requested time", 100, 200, 900, 200],
    ["the real time without a requested one", 100, undefined, 900, 900],
    ["the latest time when the requested one is earlier", 300, 200, 900, 300],
    ["the latest time when the real one is earlier", 300, undefined, 200, 300],
  ])("is %s", (_, latest, requested, real, expected) => {
    expect(requestTime(latest, requested, real)).toBe(expected);
  });
});

describe("isoSeconds", () => {
  it.each([
    [T0, "2026-01-15T10:30:00Z"],
    [T0 + 999, "2026-01-15T10:30:00Z"],
    [T0 + 1000, "2026-01-15T10:30:01Z"],
    [0, "1970-01-01T00:00:00Z"],
  ])("writes %d as %s", (ms, iso) => {
    expect(isoSeconds(ms)).toBe(iso);
  });
});

describe("the emulator's clock", () => {
  it("uses the real time for requests without X-Sandbox-Clock", async () => {
    const app = createEmulatorApp();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const reply = await app.request("/v1/groups", {
      method: "POST",
      headers: { Authorization: "Bearer vit_apk_sandbox" },
      body: JSON.stringify({ name: "Tier 1", external_reference_id: "t1" }),
    });
    const createdAt = Date.parse((await bodyOf(reply)).data.created_at);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
  });

  it("never goes backwards", async () => {
    const emulator = inProcess();
    emulator.advance(5000);
    await emulator.call("GET", "/v1/plans");
    emulator.clockMs = T0;
    const group = await emulator.createGroup("Tier 1", "t1");
    expect(group.created_at).toBe("2026-01-15T10:30:05Z");
    expect((await emulator.call("GET", "/_sandbox/state")).json.clockMs).toBe(T0 + 5000);
  });

  it("is not moved to the real time by control requests, only by their X-Sandbox-Clock", async () => {
    const app = createEmulatorApp();
    const state = async (headers: Record<string, string> = {}) =>
      (await bodyOf(await app.request("/_sandbox/state", { headers }))).clockMs;
    expect(await state()).toBe(0);
    expect(await state({ "X-Sandbox-Clock": String(T0) })).toBe(T0);
    expect(await state()).toBe(T0);
  });

  it("answers 400 to a malformed X-Sandbox-Clock, on every route", async () => {
    const emulator = inProcess();
    for (const path of ["/v1/plans", "/_sandbox/state"]) {
      const reply = await emulator.call("GET", path, { headers: { "X-Sandbox-Clock": "tomorrow" } });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual(
        flatError(
          'X-Sandbox-Clock must be a whole number of milliseconds since 1970-01-01 UTC, not "tomorrow"',
          "invalid_sandbox_clock",
        ),
      );
    }
  });
});
