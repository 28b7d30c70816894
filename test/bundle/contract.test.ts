import vm from "node:vm";
import * as entryModule from "../../src/server/main";
import { MENU_ITEMS } from "../../src/server/menu";
import { bareAppsScriptContext } from "../support/bareAppsScriptContext";
import { buildBundle, type BuiltBundle } from "../support/buildBundle";

const ENTRY_POINTS = Object.keys(entryModule).sort();

// Menu items call their handlers by name; typed so that type-checking the tests catches a missing one.
const MENU_HANDLERS: readonly (keyof typeof entryModule)[] = MENU_ITEMS.map((item) => item.handler);

let bundle: BuiltBundle;

beforeAll(() => {
  bundle = buildBundle();
});

function topLevelFunctionNames(code: string): string[] {
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]!).sort();
}

function recordingUi() {
  const menus: { items: [string, string][]; shown: boolean }[] = [];
  const ui = {
    createAddonMenu() {
      const menu = { items: [] as [string, string][], shown: false };
      menus.push(menu);
      const builder = {
        addItem(label: string, handler: string) {
          menu.items.push([label, handler]);
          return builder;
        },
        addSeparator: () => builder,
        addToUi() {
          menu.shown = true;
        },
      };
      return builder;
    },
  };
  return { ui, menus };
}

describe("dist/Code.js", () => {
  it("is a classic script: no import or export remains", () => {
    expect(() => new vm.Script(bundle.code)).not.toThrow();
    expect(bundle.code).not.toMatch(/^\s*(import|export)\b/m);
  });

  it("holds shipped code only: nothing of the local sandbox or the tests", () => {
    expect(bundle.inputs).toContain("src/server/main.ts");
    expect(bundle.inputs.filter((module) => !/^(?:src|node_modules)\//.test(module))).toEqual([]);
  });

  // The budget keeps the cold start (Apps Script evaluates the bundle before every call) near
  // 25 ms: docs/performance.md has the measured figure for each size.
  it("stays within its 280 KB budget (docs/performance.md)", () => {
    expect(Buffer.byteLength(bundle.code)).toBeLessThan(280 * 1024);
  });

  it("declares every export of the entry module, and nothing else, as a top-level function", () => {
    expect(ENTRY_POINTS).toEqual(expect.arrayContaining(["onInstall", "onOpen"]));
    expect(topLevelFunctionNames(bundle.code)).toEqual(ENTRY_POINTS);
  });

  it("evaluates in a bare context without Node's globals and touches no service at its top level", () => {
    const context = bareAppsScriptContext({}, "while the bundle loaded (its top level must have no side effects)");
    for (const nodeGlobal of ["require", "process", "setTimeout", "fetch", "URL", "TextEncoder", "Buffer"]) {
      expect(vm.runInContext(`typeof ${nodeGlobal}`, context)).toBe("undefined");
    }
    vm.runInContext(bundle.code, context);
    for (const name of ENTRY_POINTS) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe("function");
      expect(vm.runInContext(`typeof VitableRosterSync.${name}`, context)).toBe("function");
    }
  });

  it("has a menu whose every item calls an entry point", () => {
    expect(ENTRY_POINTS).toEqual(expect.arrayContaining([...MENU_HANDLERS]));
  });

  it.each(["onOpen", "onInstall"])("%s builds the add-on menu in AuthMode.NONE using the Ui only", (entryPoint) => {
    const { ui, menus } = recordingUi();
    const context = bareAppsScriptContext(
      { SpreadsheetApp: { getUi: () => ui } },
      `by ${entryPoint} (in AuthMode.NONE only the menu may be built)`,
    );
    vm.runInContext(bundle.code, context);
    vm.runInContext(`${entryPoint}({ authMode: "NONE" })`, context);

    expect(menus).toHaveLength(1);
    expect(menus[0]!.shown).toBe(true);
    expect(menus[0]!.items).toEqual(MENU_ITEMS.map((item) => [item.label, item.handler]));
    for (const [, handler] of menus[0]!.items) {
      expect(vm.runInContext(`typeof ${handler}`, context)).toBe("function");
    }
  });

  it("shows Help as an alert from the menu handler", () => {
    const alerts: unknown[][] = [];
    const ui = { ButtonSet: { OK: "OK" }, alert: (...args: unknown[]) => alerts.push(args) };
    const context = bareAppsScriptContext({ SpreadsheetApp: { getUi: () => ui } });
    vm.runInContext(bundle.code, context);
    vm.runInContext("showHelp()", context);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]![0]).toBe("Vitable Roster Sync: help");
    expect(alerts[0]![1]).toMatch(/replaces the group's roster/);
  });
});
