import { parseArgs } from "node:util";
import { DEFAULT_PORT, startEmulator } from "./server";

/**
 * `tsx sandbox/emulator/cli.ts [--port N] [--data FILE] [--delay MS]`: serves the emulator and
 * prints one line, its base URL, then runs until SIGINT or SIGTERM.
 */
const USAGE = "Usage: tsx sandbox/emulator/cli.ts [--port N (0 = any free port)] [--data FILE] [--delay MS]";
const WHOLE_NUMBER = /^\d+$/;

function wholeNumber(flag: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!WHOLE_NUMBER.test(value)) throw new Error(`--${flag} must be a whole number, not "${value}".\n${USAGE}`);
  return Number(value);
}

function readArguments() {
  try {
    return parseArgs({ options: { port: { type: "string" }, data: { type: "string" }, delay: { type: "string" } } });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
}

async function main(): Promise<void> {
  const { values } = readArguments();
  const emulator = await startEmulator({
    port: wholeNumber("port", values.port, DEFAULT_PORT),
    dataFile: values.data,
    processingDelayMs: wholeNumber("delay", values.delay, undefined),
  });
  process.stdout.write(`${emulator.url}\n`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
