import { memberSchema } from "../../src/vitable/memberSchema";
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
