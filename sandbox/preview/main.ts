import { parseArgs } from "node:util";
import { DEFAULT_PORT, startPreview } from "./server";

/**
 * `npm start [-- --port N] [-- --reset]`: serves the preview of the add-on built into dist/ by
 * `npm run build` (which `npm start` runs first), prints one line with its URL, and serves until
 * Ctrl-C (SIGINT) or SIGTERM.
 */
const USAGE = `Usage: npm start [-- --port N] [-- --reset]
  --port N   serve on port N (${DEFAULT_PORT} by default; 0 picks a free one)
  --reset    forget the saved spreadsheet and emulated Vitable, and start from the sample again`;

class UsageError extends Error {}

function readArguments(): { port: number; reset: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      options: { port: { type: "string" }, reset: { type: "boolean" }, help: { type: "boolean" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "0") || port > 65_535) {
    throw new UsageError(`--port must be a port number (0 to 65535), not "${values.port}".`);
  }
  return { port, reset: values.reset === true };
}

async function main(): Promise<void> {
  const { port, reset } = readArguments();
  const preview = await startPreview({ port, reset });
  process.stdout.write(`Vitable Roster Sync preview: ${preview.url}  (Ctrl-C stops it)\n`);
  let stopping = false;
  const stop = () => {
    // A second Ctrl-C does not wait for a clean stop.
    if (stopping) process.exit(1);
    stopping = true;
    preview.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(error instanceof UsageError ? `${message}\n${USAGE}\n` : `${message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
