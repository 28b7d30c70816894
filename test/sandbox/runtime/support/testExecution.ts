import vm from "node:vm";
import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import { Execution, type ExecutionOptions } from "../../../../sandbox/runtime/execution";
import { SCOPES } from "../../../../sandbox/runtime/permissions";
import { createRealm } from "../../../../sandbox/runtime/realm";

/** 23 November 2026, 15:00 UTC: the sandbox clock's start in unit tests of the fakes. */
export const TEST_START = Date.UTC(2026, 10, 23, 15);

/** One execution of a script in FULL mode with every scope, for unit tests of one fake service. */
export function testExecution(overrides: Partial<ExecutionOptions> = {}): Execution {
  const clock = overrides.clock ?? createSandboxClock({ followsRealTime: false, start: TEST_START });
  return new Execution({
    id: "execution-1",
    kind: "menu",
    authMode: "FULL",
    user: { email: "hr@example.com", locale: "en_US", timeZone: "America/New_York" },
    activeSpreadsheetId: null,
    documentId: null,
    realm: createRealm(vm.createContext({}), () => clock.now()),
    grantedScopes: new Set(Object.values(SCOPES)),
    ...overrides,
    clock,
  });
}
