import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "../support/buildBundle";

const SIDEBAR = path.join(ROOT, "src/sidebar");

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesOf(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/** Type-checks the sidebar with its own tsconfig, plus one probe module per given statement. */
function diagnostics(probes: string[]): { sidebar: string[]; probes: string[][] } {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(SIDEBAR, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error("src/sidebar/tsconfig.json could not be read");
  const files = new Map(probes.map((source, i) => [path.join(SIDEBAR, `__probe${i}__.ts`), `export {};\n${source}\n`]));
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  const program = ts.createProgram([...config.fileNames, ...files.keys()], config.options, host);
  const messages = (file?: ts.SourceFile) =>
    ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return {
    sidebar: config.fileNames.flatMap((file) => messages(program.getSourceFile(file))),
    probes: [...files.keys()].map((file) => messages(program.getSourceFile(file))),
  };
}

describe("the sidebar's source", () => {
  const NOT_IN_A_BROWSER = ["process.env.HOME;", 'require("node:fs");', "SpreadsheetApp.getUi();"];
  const result = diagnostics([...NOT_IN_A_BROWSER, "document.title = String(new URL(location.href));"]);

  it("type-checks with its own tsconfig (ES2019 and the DOM)", () => {
    expect(result.sidebar).toEqual([]);
    expect(result.probes[NOT_IN_A_BROWSER.length]).toEqual([]);
  });

  it.each(NOT_IN_A_BROWSER.map((statement, i) => [statement, i] as const))("refuses %s", (_statement, i) => {
    expect(result.probes[i]).toEqual([expect.stringMatching(/^Cannot find name '\w+'/)]);
  });

  it("never parses HTML: server text is rendered as text", () => {
    const parsing = sourcesOf(SIDEBAR).filter((file) =>
      /\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|createContextualFragment|DOMParser/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(parsing).toEqual([]);
  });
});
