import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { ControlClient } from "./controlClient";

/**
 * The emulator in a child process. Tests of the Apps Script sandbox block the event loop during
 * a synchronous execution, so the server they call cannot live in their own process.
 */

export interface SpawnEmulatorOptions {
  dataFile?: string;
  processingDelayMs?: number;
}

export interface SpawnedEmulator {
  url: string;
  control: ControlClient;
  /** Stops the process and waits for it to exit. */
  close(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, "../..");
const CLI_PATH = resolve(__dirname, "cli.ts");
const START_TIMEOUT_MS = 20_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

export function spawnEmulator(options: SpawnEmulatorOptions = {}): Promise<SpawnedEmulator> {
  const args = ["--import", "tsx", CLI_PATH, "--port", "0"];
  if (options.dataFile !== undefined) args.push("--data", options.dataFile);
  if (options.processingDelayMs !== undefined) args.push("--delay", String(options.processingDelayMs));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let errorOutput = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errorOutput += chunk));

  const close = async (): Promise<void> => {
    const exit = exited(child);
    child.kill("SIGTERM");
    await exit;
  };

  return new Promise((resolvePromise, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void close().then(() => reject(new Error(`The emulator did not start: ${reason}\n${errorOutput}`.trim())));
    };
    const timer = setTimeout(() => fail(`no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
    createInterface({ input: child.stdout }).once("line", (url) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.removeAllListeners("error");
      resolvePromise({ url, control: new ControlClient(url), close });
    });
  });
}
