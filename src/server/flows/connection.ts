import { removeConnection, saveConnection, type Connection } from "../../appsscript/connectionStore";
import { maskApiKey } from "../../core/text/secrets";
import type { BridgeRequest, ConnectionView } from "../../shared/bridge";
import { VitableError } from "../../vitable/errors";
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
    throw new AddonError(
      `That does not look like a Vitable API key: keys start with ${KEY_PREFIX}. Copy the whole key from Vitable and paste it again.`,
    );
  }
  const connection: Connection = {
    apiKey,
    environment: request.environment,
    scope: request.scope,
    connectedAt: new Date().toISOString(),
  };
  try {
    clientFor(connection).checkKey();
  } catch (error) {
    if (error instanceof VitableError && error.kind === "unauthorized") {
      const environment = request.environment === "uat" ? "UAT" : "Production";
      throw new AddonError(
        `Vitable rejected this API key. Check that you copied all of it and that it is a ${environment} key.`,
      );
    }
    throw error;
  }
  saveConnection(context.spreadsheetId, connection);
  return connectionView(connection)!;
}

export function disconnect(context: AddonContext): void {
  if (context.connection !== null) removeConnection(context.spreadsheetId, context.connection.scope);
}
