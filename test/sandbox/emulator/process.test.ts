import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnEmulator } from "../../../sandbox/emulator/process";
import { API_KEY } from "./support";

const REPO_ROOT = resolve(__dirname, "../../..");

describe("spawnEmulator", () => {
  it("runs the CLI in a child process that prints its URL, serves, and exits on close", async () => {
    const directory = mkdtempSync(join(tmpdir(), "vitable-emulator-"));
    const dataFile = join(directory, "state.json");
    const emulator = await spawnEmulator({ dataFile, processingDelayMs: 250 });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const plans = await fetch(`${emulator.url}/v1/plans`, { headers: { Authorization: `Bearer ${API_KEY}` } });
      expect(plans.status).toBe(200);
      expect((await emulator.control.state()).processingDelayMs).toBe(250);
      expect(JSON.parse(readFileSync(dataFile, "utf8")).processingDelayMs).toBe(250);
    } finally {
      await emulator.close();
      rmSync(directory, { recursive: true, force: true });
    }
    await expect(fetch(`${emulator.url}/v1/plans`)).rejects.toThrow("fetch failed");
  }, 30_000);
});

describe("the CLI", () => {
  it("refuses a malformed flag with a message and exit code 1", async () => {
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", "sandbox/emulator/cli.ts", "--port", "eighty"],
        { cwd: REPO_ROOT },
        (_, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(outcome).toEqual({
      code: 1,
      stdout: "",
      stderr: expect.stringContaining('--port must be a whole number, not "eighty".'),
    });
  }, 30_000);
});
