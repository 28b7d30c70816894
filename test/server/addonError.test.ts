import { unexpectedSummary } from "../../src/server/addonError";

describe("unexpectedSummary", () => {
  it("names the kind and where it happened, never the message, which may quote cells", () => {
    const error = new TypeError("Cannot read properties of Zephyrine Quillfeather's row");
    error.stack = [
      "TypeError: Cannot read properties of Zephyrine Quillfeather's row",
      "    at readRoster (Code:1:23456)",
      "    at Object.validateTab (Code:1:99999)",
      "    at Code:1:5",
      "    at __GS_INTERNAL_top_function_call__.gs:1:8",
    ].join("\n");
    expect(unexpectedSummary(error)).toBe(
      "Unexpected TypeError in the add-on at readRoster (Code:1:23456) < Object.validateTab (Code:1:99999) < Code:1:5.",
    );
  });

  it("says what was thrown when it is not an Error", () => {
    expect(unexpectedSummary("Zephyrine")).toBe("Unexpected string thrown in the add-on.");
  });

  it("still names the kind without a stack", () => {
    const error = new RangeError("x");
    error.stack = undefined;
    expect(unexpectedSummary(error)).toBe("Unexpected RangeError in the add-on.");
  });
});
