import {
  errorBodySchema,
  groupSchema,
  memberSyncReceiptSchema,
  memberSyncResultsSchema,
} from "../../src/vitable/apiSchemas";
import { clampText } from "../../src/vitable/boundedText";

/** Vitable's text is cut at parse, so one huge string can fill no cell, record or email. */

describe("clampText", () => {
  it("keeps short text and cuts long text to the limit with an ellipsis", () => {
    expect(clampText("short", 10)).toBe("short");
    expect(clampText("x".repeat(11), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("never leaves half of a surrogate pair", () => {
    expect(clampText(`${"x".repeat(8)}😀😀`, 10)).toBe(`${"x".repeat(8)}…`);
  });
});

describe("Vitable answers with huge strings", () => {
  it("cuts a failure reason to 1,000 characters", () => {
    const results = memberSyncResultsSchema.parse({
      added_group_member_ids: [],
      removed_group_member_ids: [],
      failures: [{ reference_id: "EMP-1", operation: "add", reason: "r".repeat(60_000) }],
    });
    expect(results.failures[0]?.reason).toHaveLength(1_000);
    expect(results.failures[0]?.reason.endsWith("…")).toBe(true);
  });

  it("cuts error messages and a group's name", () => {
    const body = errorBodySchema.parse({ message: "m".repeat(1_000_000), trace_id: "t".repeat(5_000) });
    expect("message" in body && body.message).toHaveLength(1_000);
    expect("trace_id" in body && body.trace_id).toHaveLength(255);
    expect(groupSchema.parse({ id: "grp_1", name: "n".repeat(10_000) }).name).toHaveLength(255);
  });

  it("refuses a request ID too long to be one, rather than cutting it into another", () => {
    const receipt = { request_id: "grpmsr_".padEnd(300, "x"), group_id: "grp_1", accepted_at: "2026-01-15T10:30:00Z" };
    expect(memberSyncReceiptSchema.safeParse(receipt).success).toBe(false);
  });
});
