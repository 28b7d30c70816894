import type { ServiceCall } from "../../../sandbox/runtime/execution";
import { objectMethods } from "../../../sandbox/runtime/objectMethods";
import { testExecution } from "./support/testExecution";

interface Counter {
  getCount(): number;
  addTo(amount: number): Counter;
}

/** A counter whose methods note the calls recorded before their work, and the work itself. */
function recordedCounter() {
  const events: string[] = [];
  const execution = testExecution({
    beforeCall: (call: ServiceCall) => events.push(`call ${call.service}.${call.method} (${call.kind})`),
  });
  let count = 0;
  const { method, chained } = objectMethods<Counter>(execution, "Counter", () => counter);
  const counter: Counter = {
    getCount: method("getCount", "read", () => {
      events.push("read");
      return count;
    }),
    addTo: chained("addTo", "write", (amount: number) => {
      if (amount < 0) throw new Error("Invalid argument: amount");
      events.push(`add ${amount}`);
      count += amount;
    }),
  };
  return { counter, events, execution };
}

describe("object methods", () => {
  it("record each call before its work, and give what the work gives", () => {
    const { counter, events, execution } = recordedCounter();
    expect(counter.getCount()).toBe(0);
    expect(events).toEqual(["call Counter.getCount (read)", "read"]);
    expect(execution.counts.byMethod).toEqual({ "Counter.getCount": 1 });
  });

  it("return the object itself from a chained method, so calls chain", () => {
    const { counter, events } = recordedCounter();
    expect(counter.addTo(2).addTo(3)).toBe(counter);
    expect(counter.getCount()).toBe(5);
    expect(events.slice(0, 4)).toEqual(["call Counter.addTo (write)", "add 2", "call Counter.addTo (write)", "add 3"]);
  });

  it("record a call whose work then fails", () => {
    const { counter, execution } = recordedCounter();
    expect(() => counter.addTo(-1)).toThrow("Invalid argument: amount");
    expect(execution.counts.byMethod).toEqual({ "Counter.addTo": 1 });
  });
});
