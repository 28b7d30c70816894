import vm from "node:vm";
import type { Execution, ExecutionOptions } from "../../../../sandbox/runtime/execution";
import {
  createSpreadsheetApp,
  type ScriptSpreadsheetApp,
} from "../../../../sandbox/runtime/spreadsheet/spreadsheetApp";
import type { SpreadsheetModel } from "../../../../sandbox/runtime/spreadsheet/spreadsheetModel";
import { SpreadsheetStore } from "../../../../sandbox/runtime/spreadsheet/store";
import { UiRecorder } from "../../../../sandbox/runtime/spreadsheet/uiRecorder";
import { testExecution } from "../support/testExecution";

export const ADDON_NAME = "Vitable Roster Sync";
export const OWNER = "hr@example.com";

export interface SheetsWorld {
  store: SpreadsheetStore;
  spreadsheet: SpreadsheetModel;
  ui: UiRecorder;
  execution: Execution;
  app: ScriptSpreadsheetApp;
  /** The first sheet as the script sees it. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

/** A sandbox world with one spreadsheet ("Roster", owned by hr@example.com) open in a menu execution. */
export function sheetsWorld({
  timeZone = "America/New_York",
  ...overrides
}: Partial<ExecutionOptions> & { timeZone?: string } = {}): SheetsWorld {
  const store = new SpreadsheetStore();
  const spreadsheet = store.create({ name: "Roster", timeZone, owner: OWNER });
  const ui = new UiRecorder({ addonName: ADDON_NAME });
  const { execution, app } = nextExecution({ store, ui }, { activeSpreadsheetId: spreadsheet.id, ...overrides });
  return { store, spreadsheet, ui, execution, app, sheet: app.getActiveSheet()! };
}

/** Another execution over the same world, as when the user clicks again later. */
export function nextExecution(
  world: { store: SpreadsheetStore; ui: UiRecorder },
  overrides: Partial<ExecutionOptions> = {},
): { execution: Execution; app: ScriptSpreadsheetApp } {
  const execution = testExecution(overrides);
  return { execution, app: createSpreadsheetApp(world.store, execution, world.ui) };
}

/** Evaluates `code` in the script's realm with `values` as globals: what the script itself would see. */
export function inScript<T>(execution: Execution, code: string, values: Record<string, unknown>): T {
  Object.assign(execution.realm.context, values);
  return vm.runInContext(code, execution.realm.context) as T;
}
