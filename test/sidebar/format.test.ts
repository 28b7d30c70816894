import { formatElapsed, formatTime, weekdayLabel } from "../../src/sidebar/format";

describe("formatElapsed", () => {
  it.each([
    [0, "0:00"],
    [7_400, "0:07"],
    [750_000, "12:30"],
    [3_723_000, "1:02:03"],
    [-5_000, "0:00"],
  ])("%d ms reads %s", (milliseconds, expected) => {
    expect(formatElapsed(milliseconds)).toBe(expected);
  });
});

describe("formatTime", () => {
  it("shows a moment in the user's own time zone", () => {
    // The tests run in Los Angeles: 17:00 UTC on March 5 is 9 in the morning there.
    expect(formatTime("2025-03-05T17:00:00.000Z")).toMatch(/\b0?9:00\b/);
    expect(formatTime("2025-03-05T17:00:00.000Z")).toMatch(/5/);
  });
});

describe("weekdayLabel", () => {
  it("writes a trigger's day as a word", () => {
    expect(weekdayLabel("WEDNESDAY")).toBe("Wednesday");
  });
});
