import { removeConnection, saveConnection } from "../../appsscript/connectionStore";
import type { Connection } from "../../core/state/connection";
import { saveSharedKey, sharedKeyOf } from "../../core/state/sharedKey";
import { maskApiKey } from "../../core/text/secrets";
import {
  apiKeyRejected,
  ENVIRONMENT_NAMES,
  notAnApiKey,
  SHARED_KEY_RISK_NOT_ACCEPTED,
} from "../../messages/connection";
import { SETTING_CHANGES } from "../../messages/logTab";
import type { BridgeRequest, ConnectionView } from "../../shared/bridge";
import { VitableUnauthorizedError } from "../../vitable/errors";
import { AddonError } from "../addonError";
import { clientFor, type AddonContext } from "../context";
import { logSettingChange } from "./settingLog";

const KEY_PREFIX = "vit_apk_";

export function connectionView(connection: Connection | null): ConnectionView | null {
  return connection === null
    ? null
    : {
        environment: connection.environment,
        scope: connection.scope,
        maskedKey: maskApiKey(connection.apiKey),
        connectedAt: connection.connectedAt,
        connectedBy: connection.scope === "document" ? (connection.connectedBy ?? null) : null,
      };
}

/**
 * Connect (product.md §5): the key is checked with one cheap call before it is saved. A key for
 * every editor is saved only once the person said they understand that each of them can use it,
 * and connecting or replacing it is logged with who did it. A key of one's own ("Only me") is
 * not logged: nobody else can use it, and the log is there for what other editors can do.
 */
export function connect(context: AddonContext, request: BridgeRequest<"connect">): ConnectionView {
  const apiKey = request.apiKey.trim();
  if (!apiKey.startsWith(KEY_PREFIX) || apiKey.length <= KEY_PREFIX.length) {
    throw new AddonError(notAnApiKey(KEY_PREFIX));
  }
  if (request.scope === "document" && request.sharedRiskAccepted !== true) {
    throw new AddonError(SHARED_KEY_RISK_NOT_ACCEPTED);
  }
  const connectedAt = new Date(context.now()).toISOString();
  const shared =
    request.scope === "document"
      ? { keyId: newKeyId(context.now()), connectedBy: context.user, spreadsheetId: context.spreadsheetId }
      : {};
  const connection: Connection = {
    apiKey,
    environment: request.environment,
    scope: request.scope,
    connectedAt,
    ...shared,
  };
  try {
    clientFor(connection).checkKey();
  } catch (error) {
    if (error instanceof VitableUnauthorizedError) {
      throw new AddonError(apiKeyRejected(ENVIRONMENT_NAMES[request.environment]));
    }
    throw error;
  }
  saveConnection(context.spreadsheetId, connection);
  if (connection.keyId !== undefined) {
    const replaced = sharedKeyOf(context.records) !== null;
    saveSharedKey(context.records, {
      keyId: connection.keyId,
      connectedBy: context.user,
      connectedAt,
      environment: connection.environment,
    });
    const environment = ENVIRONMENT_NAMES[connection.environment];
    logSettingChange(
      context,
      replaced ? SETTING_CHANGES.sharedKeyReplaced(environment) : SETTING_CHANGES.sharedKeyConnected(environment),
    );
  }
  return connectionView(connection)!;
}

/** Disconnecting a shared key also ends every schedule's copy of it (sharedKey.ts), and is logged. */
export function disconnect(context: AddonContext): void {
  if (context.connection === null) return;
  removeConnection(context.spreadsheetId, context.connection.scope);
  if (context.connection.scope === "document") {
    saveSharedKey(context.records, null);
    logSettingChange(context, SETTING_CHANGES.sharedKeyDisconnected);
  }
}

/** Tells one connecting of a key from every other: the time, and randomness for two at once. */
function newKeyId(now: number): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
