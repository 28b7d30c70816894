import type { Member } from "../../src/vitable/memberSchema";

/** The member of vitable-api.md §2.6's example payload. */
export const jane: Member = {
  reference_id: "EMP-001",
  first_name: "Jane",
  last_name: "Doe",
  date_of_birth: "1990-05-15",
  phone: "4155550100",
  email: "jane.doe@acme.com",
  plan_id: "pln_abc123def456",
  address: {
    address_line_1: "123 Main Street",
    address_line_2: "Apt 4B",
    city: "San Francisco",
    state: "CA",
    zipcode: "94102",
  },
};
