import { readFileSync } from "node:fs";
import path from "node:path";
import type { Sandbox } from "./sandbox";

const PACKAGE_JSON = path.resolve(__dirname, "../../package.json");

export interface RunDetails {
  /** The bundle has no version of its own; it is built from this tree, whose package.json has one. */
  package_json_version: string;
  /** The spreadsheet's time zone, in which the add-on reads date cells. */
  time_zone: string;
}

/** What a bug report needs beside a command's output: which add-on ran, and how it read dates. */
export function runDetails({ sheet }: Pick<Sandbox, "sheet">): RunDetails {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { version: string };
  return { package_json_version: version, time_zone: sheet.spreadsheet.timeZone };
}
