import { spawnEmulator, type SpawnedEmulator } from "../../sandbox/emulator/process";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";
import { CONTRACT_CASES, runContracts, throwawayGroupName } from "./contractCases";

/**
 * The contract cases `npm run test:uat` runs against Vitable's UAT environment, run against the
 * emulator: where the two differ, one of them fails its case.
 */

/** Every case makes a few requests; the size probe syncs three rosters and waits for each. */
const CONTRACTS_TIMEOUT_MS = 60_000;

let emulator: SpawnedEmulator;
beforeAll(async () => {
  emulator = await spawnEmulator({ processingDelayMs: 0 });
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await emulator.close();
});

describe("the Vitable contract cases against the emulator", () => {
  it(
    "pass, one by one, with a Retry-After seen in seconds",
    async () => {
      // One rate-limited answer, which the client waits out as Vitable asks.
      await emulator.control.injectFault({
        kind: "status",
        method: "GET",
        path: "/v1/groups",
        status: 429,
        retryAfter: 1,
      });
      const results = await runContracts({
        baseUrl: emulator.url,
        apiKey: "vit_apk_sandbox",
        groupName: throwawayGroupName(new Date()),
        sizeProbe: { start: 50, cap: 200 },
        syncTimeoutMs: 20_000,
        pollIntervalMs: 50,
      });
      expect(results.map(({ name, outcome, detail }) => ({ name, outcome, detail }))).toEqual(
        CONTRACT_CASES.map(({ name }) => ({ name, outcome: "passed", detail: "" })),
      );
      const notes = Object.fromEntries(results.map((result) => [result.name, result.notes]));
      expect(notes["retry-after"]).toEqual(["seen: 1"]);
      expect(notes["size-limit"]).toEqual([
        expect.stringMatching(/^accepted 50 members/),
        expect.stringMatching(/^accepted 100 members/),
        expect.stringMatching(/^accepted 200 members/),
      ]);
    },
    CONTRACTS_TIMEOUT_MS,
  );
});
