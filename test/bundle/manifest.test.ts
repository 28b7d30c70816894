import { readFileSync } from "node:fs";
import path from "node:path";
import { VITABLE_BASE_URLS } from "../../src/vitable/environments";
import { ROOT } from "../support/buildBundle";

interface Manifest {
  runtimeVersion: string;
  exceptionLogging: string;
  oauthScopes: string[];
  urlFetchWhitelist: string[];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, "appsscript.json"), "utf8")) as Manifest;
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("appsscript.json", () => {
  it("runs on V8 and logs exceptions", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
  });

  it("lists its OAuth scopes explicitly, each explained in a README table row", () => {
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes) {
      expect(readme).toMatch(new RegExp(`^\\| \`${scope.replace(/\./g, "\\.")}\` +\\| +\\w.+\\|$`, "m"));
    }
  });

  it("may fetch only HTTPS URLs with a path, covering every Vitable environment", () => {
    for (const entry of manifest.urlFetchWhitelist) expect(entry).toMatch(/^https:\/\/[^/]+\/.*$/);
    for (const baseUrl of Object.values(VITABLE_BASE_URLS)) {
      const request = `${baseUrl}/v1/plans`;
      expect(manifest.urlFetchWhitelist.some((prefix) => request.startsWith(prefix))).toBe(true);
    }
  });
});
