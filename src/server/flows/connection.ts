import { removeConnection, saveConnection } from "../../appsscript/connectionStore";
import type { Connection } from "../../core/state/connection";
import { saveSharedKey } from "../../core/state/sharedKey";
import { maskApiKey } from "../../core/text/secrets";
import { apiKeyRejected, ENVIRONMENT_NAMES, notAnApiKey } from "../../messages/connection";
import type { BridgeRequest, ConnectionView } from "../../shared/bridge";
import { VitableUnauthorizedError } from "../../vitable/errors";
import { AddonError } from "../addonError";
import { clientFor, type AddonContext } from "../context";

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

/** Connect (product.md §5): the key is checked with one cheap call before it is saved. */
export function connect(context: AddonContext, request: BridgeRequest<"connect">): ConnectionView {
  const apiKey = request.apiKey.trim();
  if (!apiKey.startsWith(KEY_PREFIX) || apiKey.length <= KEY_PREFIX.length) {
    throw new AddonError(notAnApiKey(KEY_PREFIX));
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
    saveSharedKey(context.records, {
      keyId: connection.keyId,
      connectedBy: context.user,
      connectedAt,
      environment: connection.environment,
    });
  }
  return connectionView(connection)!;
}

/** Disconnecting a shared key also ends every schedule's copy of it (sharedKey.ts). */
export function disconnect(context: AddonContext): void {
  if (context.connection === null) return;
  removeConnection(context.spreadsheetId, context.connection.scope);
  if (context.connection.scope === "document") saveSharedKey(context.records, null);
}

/** Tells one connecting of a key from every other: the time, and randomness for two at once. */
function newKeyId(now: number): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
