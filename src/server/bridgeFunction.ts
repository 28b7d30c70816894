import { REQUEST_NOT_UNDERSTOOD } from "../messages/sidebar";
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse, type BridgeResult } from "../shared/bridge";
import { AddonError, userMessageOf } from "./addonError";
import { interactiveContext, type AddonContext } from "./context";

/**
 * A function the sidebar calls through google.script.run: the request is checked against its
 * schema, every error becomes a sentence for the user, and the answer is checked too, so no
 * `Date` or stray field can cross to the sidebar.
 */
export function bridgeFunction<N extends BridgeName>(
  name: N,
  handle: (context: AddonContext, request: BridgeRequest<N>) => BridgeResponse<N>,
): (request: unknown) => BridgeResult<N> {
  const schema = BRIDGE[name];
  return (raw) => {
    const request = schema.request.safeParse(raw ?? {});
    if (!request.success) return { ok: false, message: REQUEST_NOT_UNDERSTOOD };
    try {
      const value = handle(interactiveContext(), request.data as BridgeRequest<N>);
      return { ok: true, value: schema.response.parse(value) as BridgeResponse<N> };
    } catch (error) {
      const message = userMessageOf(error);
      return error instanceof AddonError && error.code !== undefined
        ? { ok: false, message, code: error.code }
        : { ok: false, message };
    }
  };
}
