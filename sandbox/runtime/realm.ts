import vm from "node:vm";

/**
 * Values crossing into the script's context must belong to its realm: the add-on checks
 * `value instanceof Date`, and a Date made by Node's own constructor fails that check, exactly
 * as it would never happen in Apps Script.
 */
export interface Realm {
  readonly context: vm.Context;
  /** A Date of the script's realm. */
  date(ms: number): Date;
  /**
   * An error as Apps Script's services throw them: an `Error` of the script's realm named
   * "Exception", so `String(error)` reads "Exception: <message>".
   */
  exception(message: string): Error;
  /** The realm's Array: arrays handed to the script are made with it so `instanceof Array` holds there. */
  readonly Array: ArrayConstructor;
  /** A plain JSON-like value (objects, arrays, strings, numbers, booleans, null) copied into the realm. */
  copyIn<T>(value: T): T;
}

/** Whether a value is a Date of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** Whether a value is an Error of any realm. */
export function isError(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === "[object Error]";
}

interface RealmIntrinsics {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  parse: (text: string) => unknown;
}

/**
 * Replaces the realm's `Date` with one that reads the sandbox clock for "now" (`new Date()`,
 * `Date.now()`, `Date()`), so the script's own deadlines follow the time tests control. Every
 * other use is the native Date, and the prototype is shared, so `instanceof Date` holds for all.
 */
const CLOCK_DATE = `(function (NativeDate, now) {
  function Date(year, monthIndex, day, hours, minutes, seconds, ms) {
    if (!new.target) return new NativeDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(NativeDate, args, new.target);
  }
  Date.prototype = NativeDate.prototype;
  NativeDate.prototype.constructor = Date;
  Date.now = function now_() { return now(); };
  Date.UTC = NativeDate.UTC;
  Date.parse = NativeDate.parse;
  globalThis.Date = Date;
  return { Array: Array, Date: Date, Error: Error, parse: JSON.parse };
})`;

/** Prepares a fresh context's realm; `now` is the sandbox clock. */
export function createRealm(context: vm.Context, now: () => number): Realm {
  const install = vm.runInContext(CLOCK_DATE, context) as (nativeDate: unknown, now: () => number) => RealmIntrinsics;
  const intrinsics = install(vm.runInContext("Date", context), () => now());
  return {
    context,
    date: (ms) => new intrinsics.Date(ms),
    Array: intrinsics.Array,
    exception(message) {
      const error = new intrinsics.Error(message);
      error.name = "Exception";
      return error;
    },
    copyIn: <T>(value: T): T => (value === undefined ? value : (intrinsics.parse(JSON.stringify(value)) as T)),
  };
}
