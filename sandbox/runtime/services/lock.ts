import type { Execution } from "../execution";
import { scopedGetters, scopeKey, type ServiceScope } from "./scopes";

const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

interface Holder {
  scope: ServiceScope;
  executionId: string;
  /** When a staged holder lets go, on the sandbox clock; null while it holds on. */
  releaseAt: number | null;
}

export interface LockRegistrySnapshot {
  holders: Holder[];
  stagedExecutions: number;
}

/**
 * Who holds each lock (script, per user, per document). Executions in the sandbox run one after
 * another, so contention is staged: a test makes "another execution" hold a lock, or starts an
 * execution while one that holds a lock is paused.
 */
export class LockRegistry {
  private readonly holders = new Map<string, Holder>();
  private stagedExecutions = 0;

  static fromSnapshot(snapshot: LockRegistrySnapshot): LockRegistry {
    const registry = new LockRegistry();
    for (const holder of snapshot.holders) registry.holders.set(scopeKey(holder.scope), { ...holder });
    registry.stagedExecutions = snapshot.stagedExecutions;
    return registry;
  }

  snapshot(): LockRegistrySnapshot {
    return {
      holders: [...this.holders.values()].map((holder) => ({ ...holder })),
      stagedExecutions: this.stagedExecutions,
    };
  }

  /**
   * Makes an execution that is not running in the sandbox hold the lock, until `releaseAt` on
   * the sandbox clock or until `release`. Returns that execution's ID.
   */
  holdForAnotherExecution(scope: ServiceScope, { releaseAt = null }: { releaseAt?: number | null } = {}): string {
    this.stagedExecutions += 1;
    const executionId = `another-execution-${this.stagedExecutions}`;
    this.holders.set(scopeKey(scope), { scope, executionId, releaseAt });
    return executionId;
  }

  /** Frees the lock whoever holds it (host side). */
  release(scope: ServiceScope): void {
    this.holders.delete(scopeKey(scope));
  }

  /** Frees every lock an execution holds: Apps Script releases them when an execution ends. */
  releaseAllHeldBy(executionId: string): void {
    for (const [key, holder] of this.holders) if (holder.executionId === executionId) this.holders.delete(key);
  }

  /** The execution holding the lock at `now`, or null. */
  holderOf(scope: ServiceScope, now: number): string | null {
    return this.current(scope, now)?.executionId ?? null;
  }

  /**
   * Takes the lock for an execution if it is free (or already its own); otherwise says until
   * when the holder keeps it (null: until it is released).
   */
  acquire(
    scope: ServiceScope,
    executionId: string,
    now: number,
  ): { acquired: true } | { acquired: false; until: number | null } {
    const holder = this.current(scope, now);
    if (holder !== null && holder.executionId !== executionId) return { acquired: false, until: holder.releaseAt };
    this.holders.set(scopeKey(scope), { scope, executionId, releaseAt: null });
    return { acquired: true };
  }

  private current(scope: ServiceScope, now: number): Holder | null {
    const key = scopeKey(scope);
    const holder = this.holders.get(key);
    if (holder === undefined) return null;
    if (holder.releaseAt !== null && holder.releaseAt <= now) {
      this.holders.delete(key);
      return null;
    }
    return holder;
  }
}

type Lock = GoogleAppsScript.Lock.Lock;

export interface SandboxLockService {
  getScriptLock(): Lock;
  getUserLock(): Lock;
  /** Null where Apps Script gives no document. */
  getDocumentLock(): Lock | null;
}

/** LockService for one execution: locks belong to the execution, waiting moves the sandbox clock. */
export function createLockService(registry: LockRegistry, execution: Execution): SandboxLockService {
  return scopedGetters(
    execution,
    "LockService",
    { script: "getScriptLock", user: "getUserLock", document: "getDocumentLock" },
    (scope) => createLock(registry, scope, execution),
  );
}

function createLock(registry: LockRegistry, scope: ServiceScope, execution: Execution): Lock {
  /** Waits up to the timeout, or until the holder lets go if that comes first. */
  const acquireWithin = (timeoutInMillis: unknown): boolean => {
    const timeout = Math.trunc(Number(timeoutInMillis));
    if (!(timeout >= 0)) throw execution.exception("Invalid argument: timeoutInMillis");
    const now = execution.clock.now();
    const attempt = registry.acquire(scope, execution.id, now);
    if (attempt.acquired) return true;
    const freedInTime = attempt.until !== null && attempt.until - now <= timeout;
    execution.clock.advance(freedInTime ? attempt.until! - now : timeout);
    // Time spent waiting counts against the execution, as in Apps Script.
    execution.checkTime();
    return freedInTime && registry.acquire(scope, execution.id, execution.clock.now()).acquired;
  };
  return {
    tryLock(timeoutInMillis) {
      execution.call("Lock", "tryLock", "other");
      return acquireWithin(timeoutInMillis);
    },
    waitLock(timeoutInMillis) {
      execution.call("Lock", "waitLock", "other");
      if (!acquireWithin(timeoutInMillis)) throw execution.exception(LOCK_TIMEOUT);
    },
    hasLock() {
      execution.call("Lock", "hasLock", "other");
      return registry.holderOf(scope, execution.clock.now()) === execution.id;
    },
    releaseLock() {
      execution.call("Lock", "releaseLock", "other");
      if (registry.holderOf(scope, execution.clock.now()) === execution.id) registry.release(scope);
    },
  };
}
