import { isDate } from "./realm";

/**
 * What `google.script.run` can carry between the sidebar and the script (apps-script-notes.md
 * A8): strings, numbers, booleans, null, and arrays and plain objects of those. A Date, a
 * function or a circular structure fails the call, also when nested; `undefined` in an array
 * arrives as null and an `undefined` property is left out. Values arrive as copies.
 */
export type ScriptRunValue = null | boolean | number | string | ScriptRunValue[] | { [key: string]: ScriptRunValue };

export type ScriptRunCopy = { ok: true; value: ScriptRunValue | undefined } | { ok: false; problem: string };

/** Copies a value the way google.script.run does, or says why it cannot cross. */
export function copyForScriptRun(value: unknown): ScriptRunCopy {
  try {
    return { ok: true, value: value === undefined ? undefined : copy(value, "value", new Set()) };
  } catch (error) {
    if (error instanceof UnsupportedValue) return { ok: false, problem: error.message };
    throw error;
  }
}

class UnsupportedValue extends Error {}

function copy(value: unknown, path: string, ancestors: Set<object>): ScriptRunValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (value === undefined) return null;
  if (isDate(value)) {
    throw new UnsupportedValue(`${path} is a Date; google.script.run cannot carry Dates (send an ISO string).`);
  }
  if (typeof value !== "object") {
    throw new UnsupportedValue(`${path} is a ${typeof value}; google.script.run cannot carry it.`);
  }
  if (ancestors.has(value))
    throw new UnsupportedValue(`${path} refers back to itself; google.script.run cannot carry it.`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => copy(item, `${path}[${i}]`, ancestors));
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
      throw new UnsupportedValue(`${path} is not a plain object; google.script.run cannot carry it.`);
    }
    const result: Record<string, ScriptRunValue> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = copy(item, `${path}.${key}`, ancestors);
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}
