import { memberSchema } from "../../src/vitable/memberSchema";

const jane = {
  reference_id: "EMP-001",
  first_name: "Jane",
  last_name: "Doe",
  date_of_birth: "1990-05-15",
  phone: "4155550100",
  email: "jane.doe@acme.com",
  plan_id: "pln_abc123def456",
  address: { address_line_1: "123 Main Street", address_line_2: "Apt 4B", city: "San Francisco", state: "CA", zipcode: "94102" },
};

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
