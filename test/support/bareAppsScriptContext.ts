import vm from "node:vm";

/** The Apps Script services a bundle could reach at its top level. */
export const APPS_SCRIPT_SERVICES = [
  "SpreadsheetApp",
  "UrlFetchApp",
  "PropertiesService",
  "LockService",
  "ScriptApp",
  "CacheService",
  "HtmlService",
  "Utilities",
  "Session",
  "MailApp",
  "Logger",
] as const;

export type ServiceName = (typeof APPS_SCRIPT_SERVICES)[number];

/** A service whose every use throws, naming the use: proves code did not touch it. */
export function forbiddenService(name: string, why: string): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`${name}.${String(property)} was used ${why}`);
      },
    },
  );
}

/**
 * A bare V8 context like Apps Script's: JavaScript built-ins only (no require, process,
 * setTimeout, fetch, URL, TextEncoder), plus the services given. Services not given throw on use.
 */
export function bareAppsScriptContext(
  services: Partial<Record<ServiceName, object>> = {},
  why = "where it must not be",
): vm.Context {
  const globals: Record<string, unknown> = {};
  for (const name of APPS_SCRIPT_SERVICES) globals[name] = services[name] ?? forbiddenService(name, why);
  return vm.createContext(globals);
}
