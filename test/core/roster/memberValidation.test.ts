import { validateMember } from "../../../src/core/roster/memberValidation";

const member = {
  reference_id: "1001",
  first_name: "Jane",
  last_name: "Doe",
  date_of_birth: "1990-05-15",
  phone: "4155550100",
  plan_id: "pln_basic01",
  address: { address_line_1: "123 Main Street", city: "San Francisco", state: "CA", zipcode: "94102" },
};

describe("validateMember", () => {
  it("returns the member memberSchema accepts", () => {
    expect(validateMember(member)).toStrictEqual({ ok: true, member });
  });

  it("names each broken field by its payload path, nested ones dotted, with the schema's predicate", () => {
    const { first_name: _first, ...withoutFirstName } = member;
    expect(
      validateMember({ ...withoutFirstName, email: "nope", address: { ...member.address, zipcode: "941" } }),
    ).toEqual({
      ok: false,
      issues: [
        { field: "first_name", message: expect.any(String) },
        { field: "email", message: "is not a valid email address" },
        { field: "address.zipcode", message: "must be a ZIP code such as 94102 or 94102-1234" },
      ],
    });
  });
});
