import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../support/buildBundle";
import { FAULT_ROWS } from "./faultRows";

/** docs/reliability.md publishes the fault matrix: its table and the matrix name the same faults. */

const DOC = path.join(ROOT, "docs/reliability.md");

/** The first cell of every row of the doc's table under "## The matrix". */
function faultsInDoc(): string[] {
  const text = readFileSync(DOC, "utf8");
  const section = text.slice(text.indexOf("## The matrix"));
  const table = section.split("\n").filter((line) => line.startsWith("|"));
  // The header row and the separator row come first.
  return table.slice(2).map((line) => line.split("|")[1]!.trim());
}

it("lists every fault of the matrix in docs/reliability.md, and no other", () => {
  const inDoc = faultsInDoc();
  const inMatrix = FAULT_ROWS.map((row) => row.name);

  expect(new Set(inMatrix).size).toBe(inMatrix.length);
  expect(new Set(inDoc).size).toBe(inDoc.length);
  expect([...inDoc].sort()).toEqual([...inMatrix].sort());
});
