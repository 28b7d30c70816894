import { parseArgs } from "node:util";
import { isKnownTimeZone } from "../runtime/timeZones";
import { statusDecisionSchema, type ColumnTarget, type StatusDecision } from "../../src/core/roster/columnMapping";
import { columnLabel } from "../../src/core/roster/columnNames";
import { columnTargetNamed, fieldNamesInWords } from "./fieldNames";
import { SANDBOX_API_KEY, type ExternalApi } from "./vitableApi";

export const USAGE = `Usage:
  npm run -s sandbox -- validate FILE.csv [MAPPING] [--tz ZONE] [--raw] [--session DIR]
  npm run -s sandbox -- sync FILE.csv --group NAME [--yes [--allow-empty]] [MAPPING] [--tz ZONE] [--raw] [--session DIR]
  npm run -s sandbox -- columns FILE.csv [MAPPING] [--tz ZONE] [--raw] [--session DIR]
MAPPING: [--clear-map] [--map "HEADER=FIELD"]... [--status "VALUE=include|exclude"]...

Runs the built add-on in the sandbox Apps Script runtime, with FILE.csv loaded into a tab named
"Roster", against an embedded Vitable emulator, and prints the outcome as JSON.

  validate          checks every row as the add-on would and shows the member each row would send
  sync              links the tab to the group NAME (created if missing) and syncs it as a scheduled
                    run would: a sync that needs a confirmation is blocked
  columns           shows which header the add-on reads as each field, as its Map columns step does
  --map H=FIELD     before the command, choose the column headed H for FIELD as the Map columns step
                    does (FIELD: zipcode, address.zipcode, ZIP, plan_id, employment_status, …);
                    --map "=FIELD" says the tab has no column for FIELD. Choices are saved with the
                    tab, so later runs in the same --session use them
  --status V=D      choose what the employment status value V means: D is include or exclude
  --clear-map       forget the saved column and status choices first
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

/** What the user tells the add-on's Map columns step, saved before the command runs. */
export interface ColumnChoices {
  /** Forget the choices saved earlier first. */
  clear: boolean;
  /** Target → the header chosen for it, or null for "this tab has no such column". */
  columns: Partial<Record<ColumnTarget, string | null>>;
  /** Employment status value → what it means. */
  statusValues: Record<string, StatusDecision>;
}

export interface CommonOptions {
  file: string;
  choices: ColumnChoices;
  /** Unset keeps a session's time zone, or DEFAULT_TIME_ZONE for a new spreadsheet. */
  timeZone: string | undefined;
  raw: boolean;
  sessionDir: string | undefined;
  /** Unset runs an embedded emulator. */
  api: ExternalApi | undefined;
}

export type ValidateCommand = CommonOptions & { command: "validate" };
export type ColumnsCommand = CommonOptions & { command: "columns" };
export type SyncCommand = CommonOptions & { command: "sync"; group: string; yes: boolean; allowEmpty: boolean };
export type CliCommand = { command: "help" } | ValidateCommand | ColumnsCommand | SyncCommand;

const COMMANDS = ["validate", "sync", "columns"] as const;

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
  map: { type: "string", multiple: true },
  status: { type: "string", multiple: true },
  "clear-map": { type: "boolean" },
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
  if (command === undefined) throw new UsageError("Say what to do: validate, sync or columns.");
  if (!isCommand(command)) throw new UsageError(`"${command}" is not a command; use validate, sync or columns.`);
  if (file === undefined) throw new UsageError(`Give the CSV file to ${command}, e.g. ${command} roster.csv.`);
  if (extra.length > 0) throw new UsageError(`Only one CSV file can be given; remove "${extra.join(" ")}".`);
  if (values.tz !== undefined && !isKnownTimeZone(values.tz)) {
    throw new UsageError(`--tz "${values.tz}" is not a time zone; use an IANA name such as America/New_York.`);
  }
  if (values.session === "") throw new UsageError("--session needs a folder.");

  const common: CommonOptions = {
    file,
    choices: {
      clear: values["clear-map"] ?? false,
      columns: columnChoices(values.map ?? []),
      statusValues: statusChoices(values.status ?? []),
    },
    timeZone: values.tz,
    raw: values.raw ?? false,
    sessionDir: values.session,
    api: externalApi(values["api-url"], values["api-key"]),
  };

  if (command !== "sync") {
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

function isCommand(name: string): name is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(name);
}

/**
 * `--map "HEADER=FIELD"`, split at the last "=" (field names have none, headers may): the header
 * chosen for a field, or null for `--map "=FIELD"`, "this tab has no column for it".
 */
function columnChoices(specs: readonly string[]): ColumnChoices["columns"] {
  const columns: ColumnChoices["columns"] = {};
  for (const spec of specs) {
    const { left: header, right: name } = splitChoice("--map", spec, "HEADER=FIELD", '"Zip/Postal=zipcode"');
    if (name === "") {
      const target = columnTargetNamed(header);
      const hint =
        target === undefined
          ? 'give the field after "=", as in --map "Zip/Postal=zipcode"'
          : `to say the tab has no column for ${columnLabel(target)}, write --map "=${header}"`;
      throw new UsageError(`--map "${spec}" names no field: ${hint}.`);
    }
    const target = columnTargetNamed(name);
    if (target === undefined) {
      throw new UsageError(
        `--map "${spec}": "${name}" is not a field. The fields are ${fieldNamesInWords()} (case, spaces and punctuation do not matter).`,
      );
    }
    if (target in columns) throw new UsageError(`--map gives ${columnLabel(target)} (${target}) twice; give it once.`);
    columns[target] = header === "" ? null : header;
  }
  return columns;
}

/** `--status "VALUE=include|exclude"`: what an employment status value means. */
function statusChoices(specs: readonly string[]): ColumnChoices["statusValues"] {
  const statusValues: ColumnChoices["statusValues"] = {};
  const seen = new Set<string>();
  for (const spec of specs) {
    const { left: value, right } = splitChoice("--status", spec, "VALUE=include|exclude", '"Seasonal=exclude"');
    const decision = statusDecisionSchema.safeParse(right.toLowerCase());
    if (value === "" || !decision.success) {
      throw new UsageError(
        `--status "${spec}" needs a status value, "=", then include or exclude, as in --status "Seasonal=exclude".`,
      );
    }
    if (seen.has(value.toLowerCase())) throw new UsageError(`--status gives "${value}" twice; give it once.`);
    seen.add(value.toLowerCase());
    statusValues[value] = decision.data;
  }
  return statusValues;
}

function splitChoice(option: string, spec: string, shape: string, example: string) {
  const at = spec.lastIndexOf("=");
  if (at < 0) throw new UsageError(`${option} "${spec}" needs the form ${shape}, as in ${option} ${example}.`);
  return { left: spec.slice(0, at).trim(), right: spec.slice(at + 1).trim() };
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
