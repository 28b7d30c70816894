import { removeConnection, saveConnection } from "../../appsscript/connectionStore";
import type { Connection } from "../../core/state/connection";
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
      };
}

/** Connect (product.md §5): the key is checked with one cheap call before it is saved. */
export function connect(context: AddonContext, request: BridgeRequest<"connect">): ConnectionView {
  const apiKey = request.apiKey.trim();
  if (!apiKey.startsWith(KEY_PREFIX) || apiKey.length <= KEY_PREFIX.length) {
    throw new AddonError(notAnApiKey(KEY_PREFIX));
  }
  const connection: Connection = {
    apiKey,
    environment: request.environment,
    scope: request.scope,
    connectedAt: new Date(context.now()).toISOString(),
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
  return connectionView(connection)!;
}

export function disconnect(context: AddonContext): void {
  if (context.connection !== null) removeConnection(context.spreadsheetId, context.connection.scope);
}
