import { readEmail } from "../../../../src/core/roster/fields/email";

describe("readEmail", () => {
  it.each([
    ["Jane.Doe@Acme.COM", "jane.doe@acme.com"],
    ["jane@acme.com", "jane@acme.com"],
  ])("lower-cases %j", (cell, value) => {
    expect(readEmail(cell)).toEqual({ ok: true, value });
  });

  it("refuses a checkbox", () => {
    expect(readEmail(true).ok).toBe(false);
  });
});
