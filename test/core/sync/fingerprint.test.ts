import fc from "fast-check";
import {
  FINGERPRINT_PATTERN,
  HALFSIPHASH_2_4,
  HalfSipHash,
  fingerprintMember as keyedFingerprint,
  fingerprintText,
  type FingerprintKey,
} from "../../../src/core/sync/fingerprint";
import { MEMBER_FIELDS, type Member, type MemberField } from "../../../src/vitable/memberSchema";
import { jane } from "../../support/exampleMember";
import { KEY, member } from "./builders";

const fingerprintMember = (m: Member) => keyedFingerprint(m, KEY);

function withField(base: Member, field: MemberField, value: string): Member {
  if (field.startsWith("address.")) {
    const key = field.slice("address.".length) as keyof Member["address"];
    return { ...base, address: { ...base.address, [key]: value } };
  }
  return { ...base, [field]: value };
}

describe("fingerprintMember", () => {
  it("keeps the value saved records were written with", () => {
    // Saved records compare against this; a different hash would show every member as changed.
    expect(fingerprintMember(jane)).toBe(fingerprintMember(structuredClone(jane)));
    expect(fingerprintMember(jane)).toBe("audYFn4X");
  });

  it("differs under another spreadsheet's key, so it cannot be recomputed without the secret", () => {
    const other: FingerprintKey = { k0: KEY.k0, k1: KEY.k1 ^ 1 };
    expect(keyedFingerprint(jane, other)).not.toBe(fingerprintMember(jane));
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (k0, k1) => {
        const key = { k0: k0 >>> 0, k1: k1 >>> 0 };
        return key.k0 === KEY.k0 && key.k1 === KEY.k1 ? true : keyedFingerprint(jane, key) !== fingerprintMember(jane);
      }),
    );
  });

  it("does not depend on the order of keys in the member", () => {
    const reordered: Member = {
      address: {
        zipcode: "94102",
        state: "CA",
        city: "San Francisco",
        address_line_2: "Apt 4B",
        address_line_1: "123 Main Street",
      },
      plan_id: "pln_abc123def456",
      email: "jane.doe@acme.com",
      phone: "4155550100",
      date_of_birth: "1990-05-15",
      last_name: "Doe",
      first_name: "Jane",
      reference_id: "EMP-001",
    };
    expect(fingerprintMember(reordered)).toBe(fingerprintMember(jane));
  });

  it.each(MEMBER_FIELDS.map((field) => [field]))("changes when %s changes", (field) => {
    expect(fingerprintMember(withField(jane, field, "changed"))).not.toBe(fingerprintMember(jane));
  });

  it("tells an omitted optional field from an empty one", () => {
    const { email: _email, ...withoutEmail } = jane;
    expect(fingerprintMember(withoutEmail)).not.toBe(fingerprintMember({ ...jane, email: "" }));
    const address = { ...jane.address, address_line_2: undefined };
    expect(fingerprintMember({ ...jane, address })).not.toBe(
      fingerprintMember({ ...jane, address: { ...jane.address, address_line_2: "" } }),
    );
  });

  it("tells text moved from one field to the next", () => {
    expect(fingerprintMember({ ...jane, first_name: "Ann", last_name: "aLee" })).not.toBe(
      fingerprintMember({ ...jane, first_name: "Anna", last_name: "Lee" }),
    );
  });

  it("is always eight URL-safe characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (first, last) =>
        FINGERPRINT_PATTERN.test(fingerprintMember({ ...jane, first_name: first, last_name: last })),
      ),
    );
  });

  it("gives 50,000 members 50,000 different fingerprints", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      seen.add(fingerprintMember(member(`EMP-${i}`, { phone: String(4155550000 + (i % 10_000)) })));
    }
    expect(seen.size).toBe(50_000);
  });
});

describe("HalfSipHash", () => {
  // The reference implementation's vectors_hsip64: key 00 01 … 07, message 00 01 … (n − 1).
  const VECTORS: [number, string][] = [
    [0, "218d1f59b9b83cc8"],
    [2, "064f39ef7c50eb57"],
    [4, "d5e78a175be52ea1"],
    [6, "ce3e91358aa2bc25"],
    [8, "edfee820bce4858c"],
  ];
  const littleEndian = (word: number) =>
    [0, 8, 16, 24].map((shift) => ((word >>> shift) & 0xff).toString(16).padStart(2, "0")).join("");

  it.each(VECTORS)("gives the published tag for %i bytes", (length, tag) => {
    const hash = new HalfSipHash({ k0: 0x03020100, k1: 0x07060504 }, HALFSIPHASH_2_4);
    for (let byte = 0; byte < length; byte += 2) hash.unit(byte | ((byte + 1) << 8));
    const [low, high] = hash.finish();
    expect(littleEndian(low) + littleEndian(high)).toBe(tag);
  });
});

describe("fingerprintText", () => {
  it("differs for texts one character apart", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.integer({ min: 1, max: 0xffff }), (text, unit) => {
        const other = text + String.fromCharCode(unit);
        return FINGERPRINT_PATTERN.test(fingerprintText(text)) && fingerprintText(text) !== fingerprintText(other);
      }),
    );
  });
});
