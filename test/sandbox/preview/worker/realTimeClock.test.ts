import { createRealTimeClock } from "../../../../sandbox/preview/worker/realTimeClock";

describe("createRealTimeClock", () => {
  it("reads the real time, and advancing it really waits", () => {
    const clock = createRealTimeClock();
    const before = Date.now();
    expect(Math.abs(clock.now() - before)).toBeLessThan(50);
    clock.advance(120);
    expect(Date.now() - before).toBeGreaterThanOrEqual(120);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
