import { decodeWire, encodeWire, WireError } from "../../../sandbox/preview/shared/wireValues";
import { copyForScriptRun } from "../../../sandbox/runtime/scriptRunValues";

/** Values keep what JSON would lose on their way from the sidebar, so the runtime judges them as Apps Script would. */
describe("encodeWire and decodeWire", () => {
  const roundTrip = (value: unknown) => decodeWire(JSON.parse(JSON.stringify(encodeWire(value))));

  it("keep plain values, arrays and objects as they were", () => {
    const value = {
      name: "Jane",
      count: 3,
      ok: true,
      none: null,
      list: [1, "two", [false]],
      nested: { a: { b: "c" } },
    };
    expect(roundTrip(value)).toEqual(value);
  });

  it("keep what JSON would lose: undefined, NaN, ±Infinity, -0, a bigint", () => {
    const back = roundTrip([undefined, NaN, Infinity, -Infinity, -0, BigInt(12)]) as unknown[];
    expect(back).toHaveLength(6);
    expect(back[0]).toBeUndefined();
    expect(back[1]).toBeNaN();
    expect(back.slice(2, 4)).toEqual([Infinity, -Infinity]);
    expect(Object.is(back[4], -0)).toBe(true);
    expect(back[5]).toBe(BigInt(12));
  });

  it("keep a Date as a Date, an invalid one too", () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const [date, invalid] = roundTrip([at, new Date(NaN)]) as Date[];
    expect(date).toBeInstanceOf(Date);
    expect(date!.getTime()).toBe(at.getTime());
    expect(Number.isNaN(invalid!.getTime())).toBe(true);
  });

  it("keep a function as a function, a class instance as a non-plain object, a cycle as a cycle", () => {
    class Person {
      name = "Jane";
    }
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const [fn, person, loop] = roundTrip([function callMe() {}, new Person(), cyclic]) as [
      () => void,
      object,
      Record<string, unknown>,
    ];
    expect(typeof fn).toBe("function");
    expect(fn.name).toBe("callMe");
    expect(person).toEqual(expect.objectContaining({ name: "Jane" }));
    expect(Object.getPrototypeOf(Object.getPrototypeOf(person))).not.toBeNull();
    expect(loop.self).toBe(loop);
  });

  it("keep a property named __proto__ a property", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}}') as object;
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it("refuse what is not a wire value", () => {
    for (const bad of [
      1,
      null,
      { t: "date", v: "today" },
      { t: "nope" },
      { t: "cycle", up: 3 },
      { t: "object", v: [["a"]] },
    ]) {
      expect(() => decodeWire(bad)).toThrow(WireError);
    }
  });
});

describe("the runtime's google.script.run rules on decoded values", () => {
  const problemOf = (value: unknown) => {
    const copy = copyForScriptRun(decodeWire(encodeWire(value)));
    return copy.ok ? null : copy.problem;
  };

  it("fail a Date, a function, a class instance and a cycle, also when nested", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(problemOf({ at: new Date() })).toMatch(/value\.at is a Date/);
    expect(problemOf([() => 1])).toMatch(/value\[0\] is a function/);
    expect(problemOf(new (class Thing {})())).toMatch(/not a plain object/);
    expect(problemOf(cyclic)).toMatch(/refers back to itself/);
  });

  it("carry plain values, with undefined in arrays as null and undefined properties left out", () => {
    const copy = copyForScriptRun(decodeWire(encodeWire({ list: [undefined, 1], gone: undefined, kept: "x" })));
    expect(copy).toEqual({ ok: true, value: { list: [null, 1], kept: "x" } });
  });
});
