/**
 * `npm run test:uat [-- --dry-run]`: the Vitable client's contract cases (test/uat) against
 * Vitable's UAT environment, with the key in VITABLE_API_KEY. See docs/live-checks.md.
 */
import { parseArgs } from "node:util";
import { CONTRACT_CASES, runContracts, throwawayGroupName } from "../../test/uat/contractCases";
import { resultsTable } from "../live/resultsTable";
import { uatTarget } from "./uatTarget";

/** Rosters of 250 to 16,000 made-up people (about 5 MB of JSON at the top). */
const SIZE_PROBE = { start: 250, cap: 16_000 };
const SYNC_TIMEOUT_MS = 5 * 60_000;
const POLL_INTERVAL_MS = 5_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      "base-url": { type: "string" },
      environment: { type: "string" },
      key: { type: "string" },
    },
  });
  const target = uatTarget(
    {
      dryRun: values["dry-run"],
      ...(values["base-url"] === undefined ? {} : { baseUrl: values["base-url"] }),
      ...(values.environment === undefined ? {} : { environment: values.environment }),
      ...(values.key === undefined ? {} : { key: values.key }),
    },
    process.env,
  );
  const groupName = throwawayGroupName(new Date());
  if (values["dry-run"]) {
    console.log(`Plan (nothing is sent): requests to ${target.baseUrl} with the key in VITABLE_API_KEY`);
    console.log(`(${target.apiKey === null ? "not set" : "set"}); a throwaway group "${groupName}";`);
    console.log(
      `member syncs of 2, then ${SIZE_PROBE.start} doubling up to ${SIZE_PROBE.cap} people until the first 413 or 422.`,
    );
    console.log(`Cases (${CONTRACT_CASES.length}):`);
    for (const contract of CONTRACT_CASES) console.log(`  ${contract.name}: ${contract.assumption}`);
    return;
  }
  const results = await runContracts({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey!,
    groupName,
    sizeProbe: SIZE_PROBE,
    syncTimeoutMs: SYNC_TIMEOUT_MS,
    pollIntervalMs: POLL_INTERVAL_MS,
  });
  console.log(resultsTable(results));
  if (results.some((result) => result.outcome === "failed")) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
