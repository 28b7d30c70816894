import {
  createGroupBodySchema,
  dataEnvelopeSchema,
  errorBodySchema,
  groupListSchema,
  groupSchema,
  memberSyncReceiptSchema,
  memberSyncRequestDetailSchema,
  planListSchema,
  updateGroupBodySchema,
} from "../../src/vitable/apiSchemas";
import { group, page, plan, receipt } from "./fakeVitable";

describe("list envelopes", () => {
  it("read the documented plan list", () => {
    const body = { data: [plan], pagination: { page: 1, limit: 20, total: 1, total_pages: 1 } };
    expect(planListSchema.parse(body)).toEqual(body);
  });

  it("read the documented group list", () => {
    expect(groupListSchema.parse(page([group], 1, 1))).toEqual(page([group], 1, 1));
  });

  it("require the pagination block", () => {
    expect(planListSchema.safeParse({ data: [plan] }).success).toBe(false);
  });

  it("reject a non-integer page count", () => {
    const body = { data: [], pagination: { page: 1, limit: 20, total: 0, total_pages: 0.5 } };
    expect(planListSchema.safeParse(body).success).toBe(false);
  });
});

describe("groups", () => {
  it.each([
    ["with Z", "2026-01-15T10:30:00Z"],
    ["with +00:00", "2026-03-25T14:30:00+00:00"],
    ["with fractions of a second", "2026-03-25T14:30:00.123456+00:00"],
  ])("accept timestamps %s", (_name, timestamp) => {
    expect(groupSchema.parse({ ...group, updated_at: timestamp }).updated_at).toBe(timestamp);
  });

  it.each([
    ["without a time zone", "2026-03-25T14:30:00"],
    ["that are not timestamps", "yesterday"],
  ])("reject timestamps %s", (_name, timestamp) => {
    expect(groupSchema.safeParse({ ...group, created_at: timestamp }).success).toBe(false);
  });

  it("read missing or null optional fields as null", () => {
    const parsed = groupSchema.parse({ id: "grp_1", name: "Tier 1", external_reference_id: null, created_at: null });
    expect(parsed).toEqual({
      id: "grp_1",
      organization_id: null,
      name: "Tier 1",
      external_reference_id: null,
      created_at: null,
      updated_at: null,
    });
  });

  it("drop fields Vitable may add later instead of failing", () => {
    const parsed = dataEnvelopeSchema(groupSchema).parse({ data: { ...group, status: "active" }, meta: { v: 2 } });
    expect(parsed).toEqual({ data: group });
  });

  it("require an ID and a name", () => {
    expect(groupSchema.safeParse({ ...group, id: "" }).success).toBe(false);
    expect(groupSchema.safeParse({ ...group, name: undefined }).success).toBe(false);
  });
});

describe("group bodies", () => {
  const long = "x".repeat(256);

  it.each([
    ["both fields", { name: "Tier 1", external_reference_id: "mol_seg_001" }, []],
    ["255 characters", { name: "x".repeat(255), external_reference_id: "x".repeat(255) }, []],
    ["an empty name", { name: "", external_reference_id: "mol" }, [["name", "is empty"]]],
    ["no external reference ID", { name: "Tier 1" }, [["external_reference_id", expect.any(String)]]],
    [
      "256 characters",
      { name: long, external_reference_id: long },
      [
        ["name", "is longer than 255 characters"],
        ["external_reference_id", "is longer than 255 characters"],
      ],
    ],
  ])("on create: %s", (_name, body, issues) => {
    const result = createGroupBodySchema.safeParse(body);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? []).toEqual(issues);
  });

  it.each([
    ["nothing", {}, true],
    ["a new name only", { name: "Tier 2" }, true],
    ["an empty external reference ID", { external_reference_id: "" }, false],
    ["a 256-character name", { name: long }, false],
  ])("on update: %s valid %s", (_name, body, valid) => {
    expect(updateGroupBodySchema.safeParse(body).success).toBe(valid);
  });
});

describe("member sync", () => {
  it("reads the documented 202 receipt", () => {
    expect(dataEnvelopeSchema(memberSyncReceiptSchema).parse({ data: receipt })).toEqual({ data: receipt });
  });

  it("reads a request still processing, with null or missing outcome fields", () => {
    expect(memberSyncRequestDetailSchema.parse({ ...receipt, completed_at: null, results: null })).toEqual({
      ...receipt,
      completed_at: null,
      results: null,
    });
    expect(memberSyncRequestDetailSchema.parse(receipt)).toEqual({ ...receipt, completed_at: null, results: null });
  });

  it("reads a completed request with its results", () => {
    const results = {
      added_group_member_ids: ["gm_1", "gm_2"],
      removed_group_member_ids: [],
      failures: [
        { reference_id: "EMP-007", operation: "add", reason: "Active subscription under another organization" },
        { reference_id: "EMP-008", operation: "remove", reason: "Already removed" },
      ],
    };
    const detail = { ...receipt, completed_at: "2026-01-15T10:30:04+00:00", results };
    expect(memberSyncRequestDetailSchema.parse(detail)).toEqual(detail);
  });

  it.each([
    [
      "an unknown failure operation",
      {
        added_group_member_ids: [],
        removed_group_member_ids: [],
        failures: [{ reference_id: "A", operation: "update", reason: "x" }],
      },
    ],
    ["a missing failures list", { added_group_member_ids: [], removed_group_member_ids: [] }],
  ])("rejects results with %s", (_name, results) => {
    const detail = { ...receipt, completed_at: "2026-01-15T10:30:04Z", results };
    expect(memberSyncRequestDetailSchema.safeParse(detail).success).toBe(false);
  });
});

describe("error bodies", () => {
  it("read the nested shape", () => {
    const body = { error: { code: "unauthorized", message: "Invalid or missing API key" } };
    expect(errorBodySchema.parse(body)).toEqual(body);
  });

  it("read the flat shape, with an optional code", () => {
    const body = {
      timestamp: "2026-01-15T10:30:00Z",
      message: "Organization required",
      error: "Organization required",
      trace_id: "t-1",
    };
    expect(errorBodySchema.parse(body)).toEqual({ ...body, app_error_code: null });
  });
});
