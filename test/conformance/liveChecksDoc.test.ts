import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../support/buildBundle";
import { CONTRACT_CASES } from "../uat/contractCases";
import { ALL_CASES } from "./allCases";

describe("docs/live-checks.md", () => {
  it("lists every conformance and contract case in its table of assumptions", () => {
    const doc = readFileSync(path.join(ROOT, "docs/live-checks.md"), "utf8");
    const table = doc.slice(doc.indexOf("## Assumptions and their last known result"));
    const missing = [...ALL_CASES, ...CONTRACT_CASES]
      .map((each) => each.name)
      .filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
