import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describeIssues } from "./controlSchemas";
import { emulatorStateSchema, type EmulatorState } from "./state";

/** The state saved in `file`, or undefined when there is no such file yet. */
export function loadStateFile(file: string): EmulatorState | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `The emulator data file ${file} is not valid JSON (${(error as Error).message}); delete it to start over.`,
      { cause: error },
    );
  }
  const parsed = emulatorStateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `The emulator data file ${file} does not hold emulator state (${describeIssues(parsed.error)}); delete it to start over.`,
    );
  }
  return parsed.data;
}

/** Writes a temporary file and renames it over `file`, so a crash never leaves half a state. */
export function saveStateFile(file: string, state: EmulatorState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
