import fc from "fast-check";
import { acceptedMember, memberSchema } from "../../src/vitable/memberSchema";
import { jane } from "../support/exampleMember";

describe("memberSchema", () => {
  it("accepts the documented example member", () => {
    expect(memberSchema.parse(jane)).toEqual(jane);
  });

  it("reports every broken field with its predicate", () => {
    const result = memberSchema.safeParse({
      ...jane,
      reference_id: "",
      phone: "1155550100",
      address: { ...jane.address, state: "XX", zipcode: "9410" },
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["reference_id", "is empty"],
      ["phone", "must be a 10-digit US number whose area code does not start with 0 or 1"],
      ["address.state", "must be a two-letter US state or territory code such as CA"],
      ["address.zipcode", "must be a ZIP code such as 94102 or 94102-1234"],
    ]);
  });
});

/** A field value near the rules' edges: mostly valid, else empty, too long, malformed, another type, or absent. */
function near(...valid: string[]) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 24 },
    fc.constantFrom("", " ", "x".repeat(255), "x".repeat(256), "A", "0123456789", "94102-12", "CA ", "1990-5-15"),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(undefined, null, 42, true),
  );
}

const candidate = fc.record(
  {
    reference_id: near("1001", "EMP-7"),
    first_name: near("Jane", "José"),
    last_name: near("Doe"),
    date_of_birth: near("1990-05-15", "2001-12-31"),
    email: near("jane@example.com", "a.b+c@mail.example.org", "jane@example", "jane..doe@example.com"),
    phone: near("4155550100", "2125550199", "1155550100"),
    plan_id: near("pln_basic01"),
    address: fc.record(
      {
        address_line_1: near("123 Main Street"),
        address_line_2: near("Apt 4"),
        city: near("San Francisco"),
        state: near("CA", "NY", "PR", "AE", "ca", "XX"),
        zipcode: near("94102", "94102-1234", "02134"),
      },
      { requiredKeys: ["address_line_1", "city", "state", "zipcode"] },
    ),
  },
  { requiredKeys: ["reference_id", "first_name", "last_name", "date_of_birth", "phone", "plan_id", "address"] },
);

describe("acceptedMember", () => {
  it("makes of the documented example member what memberSchema makes of it", () => {
    expect(acceptedMember(jane)).toStrictEqual(memberSchema.parse(jane));
  });

  it("accepts exactly the candidates memberSchema accepts, and makes the same member of them", () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        const parsed = memberSchema.safeParse(value);
        const accepted = acceptedMember(value);
        if (parsed.success) expect(accepted).toStrictEqual(parsed.data);
        else expect(accepted).toBeNull();
        if (parsed.success) acceptedCount += 1;
      }),
      { numRuns: 5_000 },
    );
    // Both sides of the rules are exercised.
    expect(acceptedCount).toBeGreaterThan(250);
  });

  it("refuses what is not a member at all", () => {
    for (const value of [null, undefined, "member", 42, [], [{ reference_id: "1" }]]) {
      expect(acceptedMember(value)).toBeNull();
    }
  });
});
