/**
 * The checks a case makes, shared by the conformance cases (in Apps Script) and the Vitable
 * contract cases (in Node). Plain TypeScript with no jest, so it bundles for Apps Script.
 */

export interface Assertions {
  equal(actual: unknown, expected: unknown, what: string): void;
  ok(condition: boolean, what: string): void;
  /** Runs `action` and returns what it threw; fails when it throws nothing. */
  throws(action: () => unknown, what: string): unknown;
  note(observation: string): void;
}

/** A failed check: the case fails with its message. Anything else thrown is unexpected. */
export class CaseFailure extends Error {}

/** A value as a failure message shows it: strings quoted, dates as ISO text, types visible. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return `Date(${isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(", ")}]`;
  if (value === undefined) return "undefined";
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value).map(
      (key) => `${key}: ${describeValue((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(", ")}}`;
  }
  // Functions and symbols have no JSON: their type says enough.
  return JSON.stringify(value) ?? typeof value;
}

/** Same type and value, element by element; dates by their instant. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => sameValue(actual[index], item))
    );
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual) || actual instanceof Date) return false;
    const expectedKeys = Object.keys(expected).sort();
    const actualKeys = Object.keys(actual).sort();
    return (
      sameValue(actualKeys, expectedKeys) &&
      expectedKeys.every((key) =>
        sameValue((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]),
      )
    );
  }
  return Object.is(actual, expected);
}

export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/** The checks, each observation added to `notes`. */
export function createAssertions(notes: string[]): Assertions {
  return {
    equal(actual, expected, what) {
      if (!sameValue(actual, expected)) {
        throw new CaseFailure(`${what}: expected ${describeValue(expected)}, got ${describeValue(actual)}`);
      }
    },
    ok(condition, what) {
      if (!condition) throw new CaseFailure(what);
    },
    throws(action, what) {
      try {
        action();
      } catch (thrown) {
        return thrown;
      }
      throw new CaseFailure(`${what}: nothing was thrown`);
    },
    note(observation) {
      notes.push(observation);
    },
  };
}
