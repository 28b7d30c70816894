import { readFileSync } from "node:fs";
import { parseCliArguments, UsageError, USAGE, type CliCommand } from "./arguments";
import { applyColumnChoices, ChoicesRefused } from "./columnChoices";
import { CsvError, parseCsv } from "./csv";
import { runDetails } from "./runDetails";
import { withSandbox, type Sandbox, type SandboxOptions } from "./sandbox";
import { runSync } from "./sync";
import { runValidate } from "./validate";

/**
 * `npm run -s sandbox -- validate|sync|columns FILE.csv …`: runs the built add-on in the sandbox
 * against the emulated Vitable and prints the outcome as JSON on stdout. Exit code 0 whenever the
 * command ran, whatever its outcome (a tab that cannot be read is an outcome); 2 for a command
 * line that cannot run, the add-on's refusal of its column choices included; 1 when the file or
 * the session cannot be read or the add-on gives no answer.
 */
const BAD_USAGE = 2;
const FAILED = 1;

async function main(args: readonly string[]): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return BAD_USAGE;
  }
  if (command.command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const options: SandboxOptions = {
    rows: readCsvRows(command.file),
    raw: command.raw,
    timeZone: command.timeZone,
    sessionDir: command.sessionDir,
    api: command.api,
  };
  try {
    printJson(
      await withSandbox(options, (sandbox) => {
        applyColumnChoices(sandbox.addon, sandbox.sheet.id, command.choices);
        return { ...runDetails(sandbox), ...runCommand(sandbox, command) };
      }),
    );
  } catch (error) {
    if (!(error instanceof ChoicesRefused)) throw error;
    process.stderr.write(`${error.message}\n`);
    return BAD_USAGE;
  }
  return 0;
}

function runCommand(sandbox: Sandbox, command: Exclude<CliCommand, { command: "help" }>) {
  switch (command.command) {
    case "validate":
      return runValidate(sandbox);
    case "sync":
      return runSync(sandbox, command);
    case "columns":
      return sandbox.addon.call("getColumnMapping", { sheetId: sandbox.sheet.id });
  }
}

function readCsvRows(file: string): string[][] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`There is no file ${file}.`, { cause: error });
    if (code === "EISDIR") throw new Error(`${file} is a folder; give a CSV file.`, { cause: error });
    throw new Error(`The file ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError)
      throw new Error(`${file} is not a CSV file the sandbox can read: ${error.message}`, { cause: error });
    throw error;
  }
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = FAILED;
  },
);
