import type { Fault, StoredFault } from "./controlSchemas";
import type { EmulatorState } from "./state";

/**
 * Injected faults: each applies to the next `times` requests it matches, in the order faults
 * were injected, then disappears.
 */

export type RequestFault = Exclude<StoredFault, { kind: "neverComplete" }>;

export function injectFault(state: EmulatorState, fault: Fault): StoredFault {
  state.counters.fault += 1;
  const stored: StoredFault = { ...fault, id: `fault_${state.counters.fault}`, remaining: fault.times };
  state.faults.push(stored);
  return stored;
}

/** A segment as the client meant it, so `%2F` in a pattern and in a path compare equal. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True when `path` matches `pattern`, where a `*` segment matches any one segment. */
export function pathMatches(pattern: string, path: string): boolean {
  const patternSegments = pattern.split("/");
  const pathSegments = path.split("/");
  return (
    patternSegments.length === pathSegments.length &&
    patternSegments.every(
      (segment, index) => segment === "*" || decodeSegment(segment) === decodeSegment(pathSegments[index]!),
    )
  );
}

/** Uses up one application of the fault, removing it once spent. */
function consume(state: EmulatorState, fault: StoredFault): void {
  fault.remaining -= 1;
  if (fault.remaining === 0) state.faults.splice(state.faults.indexOf(fault), 1);
}

/** The first fault matching this request, used up once; undefined when none matches. */
export function takeRequestFault(state: EmulatorState, method: string, path: string): RequestFault | undefined {
  const fault = state.faults.find(
    (candidate): candidate is RequestFault =>
      candidate.kind !== "neverComplete" &&
      (candidate.method === undefined || candidate.method === method) &&
      pathMatches(candidate.path, path),
  );
  if (fault !== undefined) consume(state, fault);
  return fault;
}

/** Whether a sync just accepted for `groupId` must never complete; uses up the fault that says so. */
export function takeNeverCompleteFault(state: EmulatorState, groupId: string): boolean {
  const fault = state.faults.find(
    (candidate) =>
      candidate.kind === "neverComplete" && (candidate.groupId === undefined || candidate.groupId === groupId),
  );
  if (fault !== undefined) consume(state, fault);
  return fault !== undefined;
}
