import path from "node:path";
import { importCycles, importGraph, type ImportCycle } from "./importGraph";

/**
 * No module imports itself through others: a cycle makes the order in which modules start up
 * matter, and ties together code meant to stand apart. Type-only imports count too, since they
 * tie modules together all the same.
 */

const ROOT = path.resolve(__dirname, "../..");
const FOLDERS = ["src", "sandbox", "bench", "scripts"];

function described(cycle: ImportCycle): string {
  const others = cycle.files.filter((file) => !cycle.loop.includes(file));
  const also = others.length === 0 ? "" : `\n    and, tied to it: ${others.join(", ")}`;
  return `  ${cycle.loop.join(" → ")}${also}`;
}

it("reads the repository's imports, type-only ones included", () => {
  const graph = importGraph(ROOT, FOLDERS);
  expect(graph.size).toBeGreaterThan(200);
  expect(graph.get("sandbox/runtime/spreadsheet/range.ts")).toContain("sandbox/runtime/spreadsheet/scope.ts");
});

it("has no import cycles in src/, sandbox/, bench/ or scripts/", () => {
  const cycles = importCycles(importGraph(ROOT, FOLDERS));
  if (cycles.length > 0) throw new Error(`Import cycles:\n${cycles.map(described).join("\n")}`);
});
