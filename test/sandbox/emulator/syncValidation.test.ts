import { emulatorWithTier1Group, flatError, inProcess, member } from "./support";

function withAddress(overrides: Record<string, unknown>) {
  return member("EMP-002", { address: { ...member("EMP-002").address, ...overrides } });
}

const { email: _email, ...withoutEmail } = member("EMP-002");
const { address_line_2: _line2, ...addressWithoutLine2 } = member("EMP-002").address;

describe("POST /v1/groups/{id}/members/sync validation", () => {
  it.each([
    ["an empty roster", []],
    ["the documented example member", [member("EMP-001")]],
    ["a member without email", [withoutEmail]],
    ["a null email", [member("EMP-001", { email: null })]],
    ["no address_line_2", [member("EMP-001", { address: addressWithoutLine2 })]],
    ["a null address_line_2", [withAddress({ address_line_2: null })]],
    ["an empty address_line_2", [withAddress({ address_line_2: "" })]],
    ["a ZIP+4", [withAddress({ zipcode: "94102-1234" })]],
    ["a leap day", [member("EMP-001", { date_of_birth: "2000-02-29" })]],
    ["a plan the organization does not have (checked later)", [member("EMP-001", { plan_id: "pln_unknown" })]],
    ["255-character names and reference ID", [member("x".repeat(255), { first_name: "y".repeat(255) })]],
    ["unknown extra fields", [member("EMP-001", { middle_name: "Q" })]],
  ])("accepts %s with 202", async (_, members) => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    expect((await emulator.sync(groupId, members)).status).toBe(202);
  });

  it.each([
    ["members[1].reference_id must be between 1 and 255 characters", { reference_id: "" }],
    ["members[1].reference_id must be between 1 and 255 characters", { reference_id: "r".repeat(256) }],
    ["members[1].reference_id must be a string", { reference_id: 17 }],
    ["members[1].reference_id is required", { reference_id: undefined }],
    ["members[1].first_name must not be empty", { first_name: "" }],
    ["members[1].first_name must be at most 255 characters", { first_name: "f".repeat(256) }],
    ["members[1].last_name is required", { last_name: null }],
    ["members[1].date_of_birth must be a real date in the form YYYY-MM-DD", { date_of_birth: "05/15/1990" }],
    ["members[1].date_of_birth must be a real date in the form YYYY-MM-DD", { date_of_birth: "1990-02-30" }],
    ["members[1].date_of_birth must be a real date in the form YYYY-MM-DD", { date_of_birth: "1999-02-29" }],
    ["members[1].date_of_birth must be a real date in the form YYYY-MM-DD", { date_of_birth: "1990-13-01" }],
    ["members[1].date_of_birth must be a real date in the form YYYY-MM-DD", { date_of_birth: "1990-5-15" }],
    ["members[1].phone must be 10 digits", { phone: "415-555-0100" }],
    ["members[1].phone must be 10 digits", { phone: "+14155550100" }],
    ["members[1].phone must be 10 digits", { phone: "415555010" }],
    ["members[1].phone must be a string", { phone: 4155550100 }],
    ["members[1].email must be a valid email address", { email: "jane.doe" }],
    ["members[1].email must be a valid email address", { email: "" }],
    ["members[1].email must be a string or null", { email: 5 }],
    ["members[1].plan_id must not be empty", { plan_id: "" }],
    ["members[1].address is required", { address: undefined }],
    ["members[1].address must be an object", { address: "123 Main Street" }],
  ])("refuses a member: %s", async (message, overrides) => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.sync(groupId, [member("EMP-001"), member("EMP-002", overrides)]);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it.each([
    ["members[1].address.address_line_1 must not be empty", { address_line_1: "" }],
    ["members[1].address.address_line_2 must be at most 255 characters", { address_line_2: "l".repeat(256) }],
    ["members[1].address.address_line_2 must be a string or null", { address_line_2: 4 }],
    ["members[1].address.city is required", { city: undefined }],
    ["members[1].address.state must be two uppercase letters such as CA", { state: "ca" }],
    ["members[1].address.state must be two uppercase letters such as CA", { state: "California" }],
    ["members[1].address.zipcode must be a ZIP code in the form NNNNN or NNNNN-NNNN", { zipcode: "9410" }],
    ["members[1].address.zipcode must be a ZIP code in the form NNNNN or NNNNN-NNNN", { zipcode: "94102 1234" }],
  ])("refuses an address: %s", async (message, overrides) => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.sync(groupId, [member("EMP-001"), withAddress(overrides)]);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it("names the first problem and counts the others", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.sync(groupId, [
      member("EMP-001", { phone: "x" }),
      member("EMP-002", { email: "no" }),
      member("EMP-003", { address: { ...member("EMP-003").address, zipcode: "1" } }),
    ]);
    expect(reply.json.message).toBe("members[0].phone must be 10 digits (and 2 more problems)");
  });

  it("refuses a duplicate reference_id, naming it", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.sync(groupId, [member("EMP-001"), member("EMP-002"), member("EMP-001")]);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(
      flatError(
        'members[2].reference_id "EMP-001" is a duplicate of members[0].reference_id; each reference_id must appear once',
        "duplicate_reference_id",
      ),
    );
  });

  it.each([
    ["members is required", {}],
    ["members is required", { members: null }],
    ["members must be an array", { members: {} }],
    ["members[0] must be an object", { members: ["EMP-001"] }],
    ["The request body must be a JSON object with a members array", []],
  ])("refuses the body: %s", async (message, body) => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.call("POST", `/v1/groups/${encodeURIComponent(groupId)}/members/sync`, { body });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it("refuses malformed JSON", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const path = `/v1/groups/${encodeURIComponent(groupId)}/members/sync`;
    const reply = await emulator.call("POST", path, { rawBody: '{"members": [' });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError("The request body is not valid JSON", "invalid_json"));
  });

  it("records no sync request for a refused payload", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    await emulator.sync(groupId, [member("EMP-001", { phone: "" })]);
    expect((await emulator.call("GET", "/_sandbox/state")).json.syncRequests).toEqual([]);
  });

  it("answers 404 for an unknown group, whatever the body", async () => {
    const reply = await inProcess().sync("grp_unknown", [member("EMP-001", { phone: "" })]);
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(flatError("Group grp_unknown was not found", "not_found"));
  });

  it("answers 405 to GET on the sync collection", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const reply = await emulator.call("GET", `/v1/groups/${encodeURIComponent(groupId)}/members/sync`);
    expect(reply.status).toBe(405);
    expect(reply.headers.get("Allow")).toBe("POST");
  });
});
