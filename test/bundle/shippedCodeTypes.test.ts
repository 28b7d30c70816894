import path from "node:path";
import ts from "typescript";
import { ROOT } from "../support/buildBundle";

/**
 * Shipped code is compiled with tsconfig.json, whose globals are ES2019 and Apps Script's only:
 * using a browser or Node global there must fail to type-check, not fail in Apps Script.
 */
const UNAVAILABLE_IN_APPS_SCRIPT = [
  "setTimeout(() => undefined, 1);",
  'fetch("https://api.vitablehealth.com/v1/plans");',
  'new URL("https://api.vitablehealth.com/");',
  'new URLSearchParams("a=1");',
  'new TextEncoder().encode("a");',
  "process.exit(1);",
  'require("node:fs");',
  "document.title;",
];
const APPS_SCRIPT_SERVICES = 'Utilities.sleep(1);\nUrlFetchApp.fetch("https://api.vitablehealth.com/");';

/** Type-checks each source as a module of src/ under tsconfig.json, in one program. */
function diagnosticsOf(sources: string[]): string[][] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const probes = new Map(
    sources.map((source, i) => [path.join(ROOT, `src/__probe${i}__.ts`), `export {};\n${source}\n`]),
  );
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.fileExists = (file) => probes.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => probes.get(file) ?? readFile(file);
  const program = ts.createProgram([...probes.keys()], config.options, host);
  return [...probes.keys()].map((file) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  );
}

describe("tsconfig.json for shipped code", () => {
  const diagnostics = diagnosticsOf([...UNAVAILABLE_IN_APPS_SCRIPT, APPS_SCRIPT_SERVICES]);

  it.each(UNAVAILABLE_IN_APPS_SCRIPT.map((statement, i) => [statement, i] as const))("refuses %s", (_statement, i) => {
    expect(diagnostics[i]).toEqual([expect.stringMatching(/^Cannot find name '\w+'/)]);
  });

  it("accepts Apps Script's own services", () => {
    expect(diagnostics[UNAVAILABLE_IN_APPS_SCRIPT.length]).toEqual([]);
  });
});
