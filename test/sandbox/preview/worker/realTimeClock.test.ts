import { createRealTimeClock } from "../../../../sandbox/preview/worker/realTimeClock";

describe("createRealTimeClock", () => {
  afterEach(() => jest.restoreAllMocks());

  it("reads the real time", () => {
    jest.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    expect(createRealTimeClock().now()).toBe(1_700_000_000_000);
  });

  it("advancing it blocks the thread for the whole time", () => {
    const blockingWait = jest.spyOn(Atomics, "wait");
    createRealTimeClock().advance(120);
    expect(blockingWait).toHaveBeenCalledWith(expect.any(Int32Array), 0, 0, 120);
    // Nothing woke it early: the wait ran out.
    expect(blockingWait).toHaveReturnedWith("timed-out");
  });

  it("only moves forward", () => {
    expect(() => createRealTimeClock().advance(-1)).toThrow(RangeError);
  });
});
