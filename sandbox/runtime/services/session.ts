import { createHash } from "node:crypto";
import type { Execution } from "../execution";

type Session = GoogleAppsScript.Base.Session;
type User = Pick<GoogleAppsScript.Base.User, "getEmail">;

export type SandboxSession = Pick<
  Session,
  "getScriptTimeZone" | "getActiveUserLocale" | "getTemporaryActiveUserKey"
> & {
  getActiveUser(): User;
  getEffectiveUser(): User;
};

export interface SessionOptions {
  /** appsscript.json's `timeZone`. */
  scriptTimeZone: string;
}

/**
 * Session for one execution. The active and the effective user are both the execution's user:
 * an add-on runs as the user who opened it, and a time-driven trigger as the user who created it.
 */
export function createSession(execution: Execution, { scriptTimeZone }: SessionOptions): SandboxSession {
  const user = (method: "getActiveUser" | "getEffectiveUser"): User => {
    execution.call("Session", method, "read");
    return {
      getEmail() {
        execution.call("User", "getEmail", "read");
        return execution.user.email;
      },
    };
  };
  return {
    getActiveUser: () => user("getActiveUser"),
    getEffectiveUser: () => user("getEffectiveUser"),
    getScriptTimeZone() {
      execution.call("Session", "getScriptTimeZone", "read");
      return scriptTimeZone;
    },
    getActiveUserLocale() {
      execution.call("Session", "getActiveUserLocale", "read");
      return execution.user.locale;
    },
    getTemporaryActiveUserKey() {
      execution.call("Session", "getTemporaryActiveUserKey", "read");
      // Opaque and stable for a user, like Apps Script's; it never reveals the address.
      return createHash("sha256").update(`temporary-active-user-key:${execution.user.email}`).digest("base64url");
    },
  };
}
