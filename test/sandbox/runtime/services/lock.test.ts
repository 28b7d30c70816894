import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import { createLockService, LockRegistry } from "../../../../sandbox/runtime/services/lock";
import { TEST_START, testExecution } from "../support/testExecution";

const DOCUMENT = { kind: "document", documentId: "doc-1" } as const;
const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

function setup() {
  const clock = createSandboxClock({ followsRealTime: false, start: TEST_START });
  const registry = new LockRegistry();
  const run = (id: string) => {
    const execution = testExecution({ id, clock, documentId: "doc-1" });
    return { execution, locks: createLockService(registry, execution) };
  };
  return { clock, registry, run };
}

describe("LockService", () => {
  it("takes a free lock at once, without moving the clock", () => {
    const { clock, run } = setup();
    const lock = run("execution-1").locks.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(clock.now()).toBe(TEST_START);
  });

  it("gives no document lock without a document", () => {
    const locks = createLockService(new LockRegistry(), testExecution({ documentId: null }));
    expect(locks.getDocumentLock()).toBeNull();
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
  });

  it("waits the whole timeout for a lock another execution holds, then gives up", () => {
    const { clock, registry, run } = setup();
    registry.holdForAnotherExecution(DOCUMENT);
    const lock = run("execution-1").locks.getDocumentLock()!;
    expect(lock.tryLock(10_000)).toBe(false);
    expect(clock.now()).toBe(TEST_START + 10_000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(5_000)).toThrow(LOCK_TIMEOUT);
    expect(clock.now()).toBe(TEST_START + 15_000);
  });

  it("gets the lock when the holder lets go within the timeout, at that moment", () => {
    const { clock, registry, run } = setup();
    registry.holdForAnotherExecution(DOCUMENT, { releaseAt: TEST_START + 4_000 });
    const lock = run("execution-1").locks.getDocumentLock()!;
    expect(lock.tryLock(3_000)).toBe(false);
    expect(clock.now()).toBe(TEST_START + 3_000);
    lock.waitLock(30_000);
    expect(clock.now()).toBe(TEST_START + 4_000);
    expect(lock.hasLock()).toBe(true);
    expect(registry.holderOf(DOCUMENT, clock.now())).toBe("execution-1");
  });

  it("shows a lock taken to an execution started while another holds it", () => {
    const { clock, registry, run } = setup();
    const outer = run("execution-1").locks.getDocumentLock()!;
    outer.waitLock(1_000);

    const inner = run("execution-2").locks.getDocumentLock()!;
    expect(inner.tryLock(2_000)).toBe(false);
    expect(clock.now()).toBe(TEST_START + 2_000);
    expect(outer.hasLock()).toBe(true);

    outer.releaseLock();
    expect(inner.tryLock(0)).toBe(true);
    expect(registry.holderOf(DOCUMENT, clock.now())).toBe("execution-2");
  });

  it("lets different documents, users and the script lock each other alone", () => {
    const { registry, run } = setup();
    registry.holdForAnotherExecution(DOCUMENT);
    registry.holdForAnotherExecution({ kind: "user", email: "ops@example.com" });
    const { locks } = run("execution-1");
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
    const otherDocument = createLockService(registry, testExecution({ documentId: "doc-2" })).getDocumentLock()!;
    expect(otherDocument.tryLock(0)).toBe(true);
  });

  it("does not let an execution release a lock it does not hold", () => {
    const { clock, registry, run } = setup();
    const holder = registry.holdForAnotherExecution(DOCUMENT);
    run("execution-1").locks.getDocumentLock()!.releaseLock();
    expect(registry.holderOf(DOCUMENT, clock.now())).toBe(holder);
    registry.release(DOCUMENT);
    expect(registry.holderOf(DOCUMENT, clock.now())).toBeNull();
  });

  it("releases every lock of an execution when it ends", () => {
    const { clock, registry, run } = setup();
    const { locks } = run("execution-1");
    locks.getDocumentLock()!.waitLock(0);
    locks.getScriptLock().waitLock(0);
    const staged = registry.holdForAnotherExecution({ kind: "user", email: "ops@example.com" });

    registry.releaseAllHeldBy("execution-1");
    expect(registry.holderOf(DOCUMENT, clock.now())).toBeNull();
    expect(registry.holderOf({ kind: "script" }, clock.now())).toBeNull();
    expect(registry.holderOf({ kind: "user", email: "ops@example.com" }, clock.now())).toBe(staged);
  });

  it("counts waiting against the execution's time limit", () => {
    const { registry, run } = setup();
    registry.holdForAnotherExecution(DOCUMENT);
    const lock = run("execution-1").locks.getDocumentLock()!;
    expect(() => lock.tryLock(7 * 60_000)).toThrow("Exceeded maximum execution time");
  });

  it("rejects a timeout that is not a number of milliseconds", () => {
    const lock = setup().run("execution-1").locks.getScriptLock();
    expect(() => lock.tryLock(-1)).toThrow("Invalid argument: timeoutInMillis");
    expect(() => lock.tryLock("soon" as unknown as number)).toThrow("Invalid argument: timeoutInMillis");
  });

  it("restores staged holders from a snapshot", () => {
    const { clock, registry } = setup();
    const holder = registry.holdForAnotherExecution(DOCUMENT, { releaseAt: TEST_START + 60_000 });
    const restored = LockRegistry.fromSnapshot(JSON.parse(JSON.stringify(registry.snapshot())));
    expect(restored.holderOf(DOCUMENT, clock.now())).toBe(holder);
    expect(restored.holderOf(DOCUMENT, TEST_START + 60_000)).toBeNull();
    expect(restored.holdForAnotherExecution({ kind: "script" })).not.toBe(holder);
  });
});
