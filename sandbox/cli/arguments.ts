import { parseArgs } from "node:util";
import { isKnownTimeZone } from "../runtime/timeZones";
import { SANDBOX_API_KEY, type ExternalApi } from "./vitableApi";

export const USAGE = `Usage:
  npm run -s sandbox -- validate FILE.csv [--tz ZONE] [--raw] [--session DIR]
  npm run -s sandbox -- sync FILE.csv --group NAME [--yes [--allow-empty]] [--tz ZONE] [--raw] [--session DIR]

Runs the built add-on in the sandbox Apps Script runtime, with FILE.csv loaded into a tab named
"Roster", against an embedded Vitable emulator, and prints the outcome as JSON.

  validate          checks every row as the add-on would and shows the member each row would send
  sync              links the tab to the group NAME (created if missing) and syncs it as a scheduled
                    run would: a sync that needs a confirmation is blocked
  --group NAME      the Vitable group to sync to
  --yes             accept the confirmations an interactive user would be asked
  --allow-empty     with --yes, also send an empty roster (a typed confirmation in the add-on)
  --tz ZONE         the spreadsheet's time zone (IANA name; default America/New_York)
  --raw             keep every cell as text instead of entering it as Google Sheets parses typed values
  --session DIR     keep the spreadsheet and the emulated Vitable in DIR, so later runs go on from this one
  --api-url URL     use an emulator already running at URL (e.g. http://127.0.0.1:8787) instead
  --api-key KEY     the API key for --api-url (default ${SANDBOX_API_KEY})
  --help            show this text`;

export const DEFAULT_TIME_ZONE = "America/New_York";

/** A command line that cannot be run: the sentence says what to change. */
export class UsageError extends Error {}

export interface CommonOptions {
  file: string;
  /** Unset keeps a session's time zone, or DEFAULT_TIME_ZONE for a new spreadsheet. */
  timeZone: string | undefined;
  raw: boolean;
  sessionDir: string | undefined;
  /** Unset runs an embedded emulator. */
  api: ExternalApi | undefined;
}

export type ValidateCommand = CommonOptions & { command: "validate" };
export type SyncCommand = CommonOptions & { command: "sync"; group: string; yes: boolean; allowEmpty: boolean };
export type CliCommand = { command: "help" } | ValidateCommand | SyncCommand;

/** UrlFetchApp in the sandbox reaches local servers only: it has no network. */
const LOCAL_URL = /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\/?$/i;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  tz: { type: "string" },
  raw: { type: "boolean" },
  session: { type: "string" },
  group: { type: "string" },
  yes: { type: "boolean" },
  "allow-empty": { type: "boolean" },
  "api-url": { type: "string" },
  "api-key": { type: "string" },
} as const;

/** Reads the arguments after `npm run -s sandbox --`. */
export function parseCliArguments(args: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };

  const [command, file, ...extra] = positionals;
  if (command === undefined) throw new UsageError("Say what to do: validate or sync.");
  if (command !== "validate" && command !== "sync") {
    throw new UsageError(`"${command}" is not a command; use validate or sync.`);
  }
  if (file === undefined) throw new UsageError(`Give the CSV file to ${command}, e.g. ${command} roster.csv.`);
  if (extra.length > 0) throw new UsageError(`Only one CSV file can be given; remove "${extra.join(" ")}".`);
  if (values.tz !== undefined && !isKnownTimeZone(values.tz)) {
    throw new UsageError(`--tz "${values.tz}" is not a time zone; use an IANA name such as America/New_York.`);
  }
  if (values.session === "") throw new UsageError("--session needs a folder.");

  const common: CommonOptions = {
    file,
    timeZone: values.tz,
    raw: values.raw ?? false,
    sessionDir: values.session,
    api: externalApi(values["api-url"], values["api-key"]),
  };

  if (command === "validate") {
    const syncOnly = (["group", "yes", "allow-empty"] as const).filter((name) => values[name] !== undefined);
    if (syncOnly.length > 0) {
      const names = syncOnly.map((name) => `--${name}`).join(", ");
      throw new UsageError(`${names} ${syncOnly.length === 1 ? "is" : "are"} only for sync.`);
    }
    return { command, ...common };
  }
  const group = values.group?.trim();
  if (!group) throw new UsageError('sync needs the group to sync to: --group "Group name".');
  const yes = values.yes ?? false;
  const allowEmpty = values["allow-empty"] ?? false;
  if (allowEmpty && !yes) throw new UsageError("--allow-empty only works together with --yes.");
  return { command, ...common, group, yes, allowEmpty };
}

function externalApi(url: string | undefined, key: string | undefined): ExternalApi | undefined {
  if (url === undefined) {
    if (key !== undefined) throw new UsageError("--api-key is for an emulator given with --api-url.");
    return undefined;
  }
  if (!LOCAL_URL.test(url)) {
    throw new UsageError(
      `--api-url must be a local address such as http://127.0.0.1:8787, not "${url}": the sandbox has no network.`,
    );
  }
  if (key === "") throw new UsageError("--api-key needs a key.");
  return { url: url.replace(/\/$/, ""), key: key ?? SANDBOX_API_KEY };
}
