import type { Execution, ServiceCall } from "../../../sandbox/runtime/execution";

/**
 * Faults staged at one precise Apps Script service call: the time limit striking while the
 * add-on waits for Vitable, or a service throwing an error of its own. Give a world
 * `{ beforeCall: faults.beforeCall }`, then arm a fault before the run it must hit.
 */

export type CallHook = (call: ServiceCall, execution: Execution) => void;

/** The calls a fault strikes: every field given must match (`target` as ServiceCall documents it). */
export interface CallMatch {
  service: string;
  method: string;
  target?: string | RegExp;
}

/** What happens at the matching call. */
export type Fault = (execution: Execution) => void;

/** An armed fault: whether it has struck yet. */
export interface Strike {
  readonly struck: boolean;
}

function matches(call: ServiceCall, match: CallMatch): boolean {
  if (call.service !== match.service || call.method !== match.method) return false;
  if (match.target === undefined) return true;
  if (call.target === undefined) return false;
  return typeof match.target === "string" ? call.target === match.target : match.target.test(call.target);
}

/** Apps Script's time limit, reached just before the call: it and every later call throw. */
export const endExecution: Fault = (execution) => {
  execution.clock.advance(execution.timeLimitMs - execution.elapsedMs() + 1);
};

/** The call fails with `message`, as Apps Script's services fail ("Exception: <message>"). */
export function throwException(message: string): Fault {
  return (execution) => {
    throw execution.exception(message);
  };
}

export class CallFaults {
  private armed: { match: CallMatch; fault: Fault; strike: { struck: boolean } }[] = [];

  /** The world's `beforeCall`: runs each armed fault at the first call it matches, once. */
  readonly beforeCall: CallHook = (call, execution) => {
    const hit = this.armed.find((armed) => matches(call, armed.match));
    if (hit === undefined) return;
    this.armed = this.armed.filter((armed) => armed !== hit);
    hit.strike.struck = true;
    hit.fault(execution);
  };

  /** Arms `fault` for the first call matching `match` of any later execution. */
  once(match: CallMatch, fault: Fault): Strike {
    const strike = { struck: false };
    this.armed.push({ match, fault, strike });
    return strike;
  }
}
