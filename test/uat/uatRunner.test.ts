import { spawnSync } from "node:child_process";
import { uatTarget } from "../../scripts/uat/uatTarget";
import { ROOT } from "../support/buildBundle";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";
import { CONTRACT_CASES } from "./contractCases";

describe("npm run test:uat", () => {
  it("talks to Vitable's UAT environment with the key from VITABLE_API_KEY", () => {
    expect(uatTarget({ dryRun: false }, { VITABLE_API_KEY: " vit_apk_uat " })).toEqual({
      baseUrl: "https://api.uat.vitablehealth.com",
      apiKey: "vit_apk_uat",
    });
    expect(
      uatTarget(
        { dryRun: false, baseUrl: "https://api.uat.vitablehealth.com/", environment: "uat" },
        { VITABLE_API_KEY: "k" },
      ),
    ).toMatchObject({ baseUrl: "https://api.uat.vitablehealth.com" });
  });

  it.each([
    [{ baseUrl: "https://api.vitablehealth.com" }, {}, "it refuses https://api.vitablehealth.com."],
    [{}, { VITABLE_BASE_URL: "https://api.vitablehealth.com/v1" }, "it refuses https://api.vitablehealth.com/v1."],
    [{ environment: "production" }, {}, 'it refuses "production".'],
    [{}, { VITABLE_ENVIRONMENT: "production" }, 'it refuses "production".'],
    [{ key: "vit_apk_live" }, {}, "takes its key from VITABLE_API_KEY only"],
  ])("refuses production or a key override: %j %j", (flags, env, sentence) => {
    expect(() => uatTarget({ dryRun: false, ...flags }, { VITABLE_API_KEY: "vit_apk_uat", ...env })).toThrow(sentence);
  });

  it("asks for a key, except in a dry run", () => {
    expect(() => uatTarget({ dryRun: false }, {})).toThrow("Set VITABLE_API_KEY to a Vitable UAT API key");
    expect(uatTarget({ dryRun: true }, {})).toMatchObject({ apiKey: null });
  });

  it(
    "--dry-run prints the plan and the cases, and sends nothing",
    () => {
      const { VITABLE_API_KEY: _key, ...env } = process.env;
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/uat/main.ts", "--dry-run"], {
        cwd: ROOT,
        encoding: "utf8",
        env,
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Plan (nothing is sent): requests to https://api.uat.vitablehealth.com");
      expect(result.stdout).toContain(`Cases (${CONTRACT_CASES.length}):\n  plans: `);
      const refused = spawnSync(
        process.execPath,
        ["--import", "tsx", "scripts/uat/main.ts", "--base-url", "https://api.vitablehealth.com"],
        {
          cwd: ROOT,
          encoding: "utf8",
          env: { ...env, VITABLE_API_KEY: "vit_apk_uat" },
        },
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("only runs against Vitable's UAT environment");
    },
    STARTUP_TIMEOUT_MS,
  );
});
