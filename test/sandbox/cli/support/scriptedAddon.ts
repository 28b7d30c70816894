import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import type { ScriptRunValue } from "../../../../sandbox/runtime/scriptRunValues";
import { AddonClient, type ScriptRunner } from "../../../../sandbox/cli/addon";
import { createRosterSpreadsheet, rosterSheet } from "../../../../sandbox/cli/rosterTab";
import type { Sandbox } from "../../../../sandbox/cli/sandbox";
import { SpreadsheetStore } from "../../../../sandbox/runtime/spreadsheet/store";
import type { BridgeName, BridgeRequest, GroupView, SidebarState, TabView } from "../../../../src/shared/bridge";

/** A server function's behaviour: its answer (any shape, to test checks), or a thrown error. */
type Handler<N extends BridgeName> = (request: BridgeRequest<N>) => unknown;
export type ScriptedServer = { [N in BridgeName]?: Handler<N> };

export interface ScriptedCall {
  name: string;
  request: unknown;
}

/**
 * google.script.run over scripted server functions: each records its call and answers what the
 * handler returns; a handler that throws fails the call as the runtime reports a failed execution.
 */
export function scriptedRunner(server: ScriptedServer): ScriptRunner & { calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = [];
  return {
    calls,
    scriptRun(_spreadsheetId, name, args = []) {
      const request = args[0];
      calls.push({ name, request });
      const handler = server[name as BridgeName] as ((request: unknown) => unknown) | undefined;
      if (handler === undefined) return { ok: false, error: `Exception: Script function not found: ${name}` };
      try {
        return { ok: true, value: handler(request) as ScriptRunValue };
      } catch (error) {
        return { ok: false, error: `Error: ${(error as Error).message}` };
      }
    },
  };
}

/** A sandbox whose add-on is scripted, over a real Roster tab and sandbox clock. */
export function scriptedSandbox(server: ScriptedServer) {
  const runner = scriptedRunner(server);
  const clock = createSandboxClock({ start: Date.UTC(2026, 10, 23, 15), followsRealTime: false });
  const spreadsheet = createRosterSpreadsheet(new SpreadsheetStore(), {
    timeZone: "America/New_York",
    owner: "hr@example.com",
  });
  const sandbox: Sandbox = {
    clock,
    addon: new AddonClient(runner, spreadsheet.id),
    sheet: rosterSheet(spreadsheet),
    apiKey: "vit_apk_sandbox",
  };
  return { sandbox, calls: runner.calls };
}

export const ok = <T>(value: T) => ({ ok: true as const, value });

export const TAB: TabView = {
  sheetId: 0,
  name: "Roster",
  link: null,
  brake: { minimum: 3, percent: 10 },
  headerRow: 1,
  pending: null,
  lastSync: null,
  syncMarker: "idle",
};

export function sidebarState(overrides: Partial<SidebarState> = {}): SidebarState {
  return {
    user: "hr@example.com",
    timeZone: "America/New_York",
    connection: null,
    tab: TAB,
    schedule: {
      frequency: null,
      description: "No schedule",
      runsAs: null,
      ownedByYou: false,
      emailOnProblem: false,
      lastRun: null,
      nextRun: null,
    },
    history: [],
    ...overrides,
  };
}

export const CONNECTED = {
  environment: "uat" as const,
  scope: "user" as const,
  maskedKey: "••••dbox",
  connectedAt: "2026-11-23T15:00:00Z",
  connectedBy: null,
};

export function group(overrides: Partial<GroupView> = {}): GroupView {
  return { id: "grp_1", name: "Acme", externalReferenceId: "acme", linkedTab: null, ...overrides };
}
