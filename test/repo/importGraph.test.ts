import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importCycles, importGraph } from "./importGraph";

/** A throwaway repository of the given files. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "import-graph-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("importGraph", () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("follows every kind of relative import to a .ts file, and nothing else", () => {
    root = repository({
      "src/a.ts": [
        'import { b } from "./b";',
        'import type { C } from "./c";',
        'export { d } from "./d.js";',
        'export * from "./folder";',
        'import "./sideEffect";',
        'const lazy = () => import("./lazy");',
        'import { z } from "zod";',
        'import data from "./data.json";',
      ].join("\n"),
      "src/b.ts": "",
      "src/c.ts": "",
      "src/d.ts": "",
      "src/folder/index.ts": "",
      "src/sideEffect.ts": "",
      "src/lazy.ts": "",
      "src/data.json": "{}",
    });
    expect(importGraph(root, ["src"]).get("src/a.ts")?.sort()).toEqual(
      ["src/b.ts", "src/c.ts", "src/d.ts", "src/folder/index.ts", "src/lazy.ts", "src/sideEffect.ts"].sort(),
    );
  });
});

describe("importCycles", () => {
  it("names each tangle once, with its shortest loop", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "a.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["d.ts"]],
      ["e.ts", ["a.ts"]],
    ]);
    expect(importCycles(graph)).toEqual([
      { files: ["a.ts", "b.ts", "c.ts"], loop: ["a.ts", "b.ts", "a.ts"] },
      { files: ["d.ts"], loop: ["d.ts", "d.ts"] },
    ]);
  });

  it("finds none in a graph without loops", () => {
    expect(
      importCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });
});
