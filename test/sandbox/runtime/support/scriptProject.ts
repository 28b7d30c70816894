import type { AppsScriptProject } from "../../../../sandbox/runtime/project";
import { SCOPES } from "../../../../sandbox/runtime/permissions";

/** A project of one hand-written script file, with every scope unless told otherwise. */
export function scriptProject(
  code: string,
  { scopes = Object.values(SCOPES), html = {} }: { scopes?: string[]; html?: Record<string, string> } = {},
): AppsScriptProject {
  return {
    code,
    manifest: { timeZone: "Etc/UTC", oauthScopes: scopes },
    htmlFiles: new Map(Object.entries(html)),
  };
}
