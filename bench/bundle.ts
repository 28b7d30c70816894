import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { median } from "./stats";

export interface BundleFigures {
  code_js_kb: number;
  sidebar_html_kb: number;
  /** Median time to compile and evaluate Code.js in a fresh context, as every execution does. */
  cold_start_ms: number;
  cold_start_runs: number;
}

const KIB = 1024;
const COLD_START_RUNS = 21;

/**
 * Sizes read from the built files, and the cold start of the bundle: Apps Script evaluates the
 * whole of Code.js before every execution (menu item, sidebar call, trigger). Each run compiles a
 * distinct source (a comment differs), so V8's compilation cache cannot serve it.
 */
export function measureBundle(distDir: string): BundleFigures {
  const codeFile = path.join(distDir, "Code.js");
  const code = readFileSync(codeFile, "utf8");
  const times: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run++) {
    const source = `${code}\n// cold start ${run}\n`;
    const start = performance.now();
    new vm.Script(source, { filename: "Code.js" }).runInContext(vm.createContext({}));
    times.push(performance.now() - start);
  }
  return {
    code_js_kb: statSync(codeFile).size / KIB,
    sidebar_html_kb: statSync(path.join(distDir, "Sidebar.html")).size / KIB,
    cold_start_ms: median(times),
    cold_start_runs: COLD_START_RUNS,
  };
}
