import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";

/** `npm start`'s command line: what it says when it cannot start (before it touches any data). */
const ROOT = path.resolve(__dirname, "../../..");
const MAIN = path.join(ROOT, "sandbox/preview/main.ts");

function runMain(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
  });
}

it("says the port is taken, and how to choose another, when a preview already runs there", async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as { port: number };
  try {
    const result = runMain("--port", String(port));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Port ${port} is already in use, perhaps by a preview that is still running.`);
    expect(result.stderr).toContain(`npm start -- --port ${port + 1}`);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

it("refuses a port that is not a number, with the usage", () => {
  const result = runMain("--port", "nine");
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--port must be a port number (0 to 65535), not "nine".');
  expect(result.stderr).toContain("Usage: npm start");
});
