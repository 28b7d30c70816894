import type { CallKind, Execution } from "./execution";

/**
 * Makers of the methods of one Apps Script object (`self`, of class `className`). Each method
 * records its call before anything else, so it is counted, needs its scope and fails once the
 * execution is out of time, as in Apps Script.
 */
export function objectMethods<Self>(execution: Execution, className: string, self: () => Self) {
  const method =
    <Args extends unknown[], Result>(name: keyof Self & string, kind: CallKind, body: (...args: Args) => Result) =>
    (...args: Args): Result => {
      execution.call(className, name, kind);
      return body(...args);
    };
  /** A method that returns the object itself, so calls chain: setters and builder steps. */
  const chained = <Args extends unknown[]>(name: keyof Self & string, kind: CallKind, body: (...args: Args) => void) =>
    method(name, kind, (...args: Args): Self => {
      body(...args);
      return self();
    });
  return { method, chained };
}
