/**
 * How `google.script.run` arguments and answers travel between the preview's sidebar and the
 * server. JSON would quietly change what the sidebar passed (a Date becomes text, `undefined`
 * and functions vanish, NaN becomes null), and the call would then succeed where Apps Script
 * fails it. So values travel as tagged JSON that keeps them as they were, and the runtime applies
 * Apps Script's own rules to the very values the sidebar passed (sandbox/runtime/scriptRunValues.ts).
 *
 * Pure TypeScript: used by the page (browser) and the server (Node).
 */
export type WireValue =
  | { t: "null" }
  | { t: "undefined" }
  | { t: "boolean"; v: boolean }
  | { t: "string"; v: string }
  | { t: "number"; v: number | "NaN" | "Infinity" | "-Infinity" | "-0" }
  /** Epoch milliseconds; null for an invalid Date. */
  | { t: "date"; v: number | null }
  | { t: "function"; name: string }
  | { t: "symbol" }
  | { t: "bigint"; v: string }
  | { t: "array"; v: WireValue[] }
  /** Own enumerable properties in order; `className` when the object is an instance of a class. */
  | { t: "object"; v: [string, WireValue][]; className?: string }
  /** A reference back to the object `up` levels above (1: the object holding this value). */
  | { t: "cycle"; up: number };

/** A value that is not a WireValue (a malformed request). */
export class WireError extends Error {}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function encodeNumber(value: number): WireValue {
  if (Number.isNaN(value)) return { t: "number", v: "NaN" };
  if (value === Infinity) return { t: "number", v: "Infinity" };
  if (value === -Infinity) return { t: "number", v: "-Infinity" };
  if (Object.is(value, -0)) return { t: "number", v: "-0" };
  return { t: "number", v: value };
}

export function encodeWire(value: unknown): WireValue {
  return encode(value, []);
}

function encode(value: unknown, ancestors: object[]): WireValue {
  switch (typeof value) {
    case "undefined":
      return { t: "undefined" };
    case "boolean":
      return { t: "boolean", v: value };
    case "string":
      return { t: "string", v: value };
    case "number":
      return encodeNumber(value);
    case "bigint":
      return { t: "bigint", v: value.toString() };
    case "symbol":
      return { t: "symbol" };
    case "function":
      return { t: "function", name: value.name };
  }
  if (value === null) return { t: "null" };
  const object = value as object;
  if (isDate(object)) {
    const time = object.getTime();
    return { t: "date", v: Number.isNaN(time) ? null : time };
  }
  const index = ancestors.indexOf(object);
  if (index >= 0) return { t: "cycle", up: ancestors.length - index };
  ancestors.push(object);
  try {
    if (Array.isArray(object)) {
      const items: WireValue[] = [];
      for (let i = 0; i < object.length; i++) items.push(encode(object[i], ancestors));
      return { t: "array", v: items };
    }
    const entries = Object.keys(object).map((key): [string, WireValue] => [
      key,
      encode((object as Record<string, unknown>)[key], ancestors),
    ]);
    const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: unknown } } | null;
    const plain = prototype === null || Object.getPrototypeOf(prototype) === null;
    if (plain) return { t: "object", v: entries };
    const name = prototype.constructor?.name;
    return { t: "object", v: entries, className: typeof name === "string" && name !== "" ? name : "Object" };
  } finally {
    ancestors.pop();
  }
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** The value a WireValue stands for, made in this realm; throws WireError for anything else. */
export function decodeWire(wire: unknown): unknown {
  return decode(wire, []);
}

function field(wire: Record<string, unknown>, name: string): unknown {
  if (!(name in wire)) throw new WireError(`A ${String(wire.t)} value has no "${name}".`);
  return wire[name];
}

function decode(wire: unknown, ancestors: object[]): unknown {
  if (typeof wire !== "object" || wire === null || typeof (wire as { t?: unknown }).t !== "string") {
    throw new WireError("Every value must be an object with a type tag t.");
  }
  const tagged = wire as Record<string, unknown>;
  switch (tagged.t) {
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "boolean":
    case "string": {
      const value = field(tagged, "v");
      if (typeof value !== tagged.t) throw new WireError(`A ${tagged.t} value holds a ${typeof value}.`);
      return value;
    }
    case "number": {
      const value = field(tagged, "v");
      if (typeof value === "number") return value;
      if (typeof value === "string" && value in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[value];
      throw new WireError("A number value holds something else.");
    }
    case "date": {
      const value = field(tagged, "v");
      if (value !== null && typeof value !== "number") throw new WireError("A date value holds something else.");
      return new Date(value === null ? NaN : value);
    }
    case "function": {
      const name = field(tagged, "name");
      const stand = function () {};
      Object.defineProperty(stand, "name", { value: typeof name === "string" ? name : "" });
      return stand;
    }
    case "symbol":
      return Symbol();
    case "bigint": {
      const value = field(tagged, "v");
      if (typeof value !== "string" || !/^-?\d+$/.test(value))
        throw new WireError("A bigint value holds something else.");
      return BigInt(value);
    }
    case "cycle": {
      const up = field(tagged, "up");
      const target = typeof up === "number" && Number.isInteger(up) ? ancestors[ancestors.length - up] : undefined;
      if (up === 0 || target === undefined) throw new WireError("A cycle value points nowhere.");
      return target;
    }
    case "array": {
      const items = field(tagged, "v");
      if (!Array.isArray(items)) throw new WireError("An array value holds something else.");
      const array: unknown[] = [];
      ancestors.push(array);
      for (const item of items) array.push(decode(item, ancestors));
      ancestors.pop();
      return array;
    }
    case "object": {
      const entries = field(tagged, "v");
      if (!Array.isArray(entries)) throw new WireError("An object value holds something else.");
      const className = tagged.className;
      const object: Record<string, unknown> =
        typeof className === "string" ? (Object.create(classPrototype(className)) as Record<string, unknown>) : {};
      ancestors.push(object);
      for (const entry of entries) {
        if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string") {
          throw new WireError("An object's properties must be [name, value] pairs.");
        }
        // defineProperty: a property named __proto__ stays a property, as it was in the sidebar.
        Object.defineProperty(object, entry[0], {
          value: decode(entry[1], ancestors),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      ancestors.pop();
      return object;
    }
    default:
      throw new WireError(`"${String(tagged.t)}" is not a value type.`);
  }
}

/** A prototype standing for a class of the sidebar's, so the object is not a plain one here either. */
function classPrototype(name: string): object {
  const prototype = {};
  Object.defineProperty(prototype, "constructor", { value: { name }, enumerable: false });
  return prototype;
}
