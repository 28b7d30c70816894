import * as z from "zod/mini";
import type { AppsScriptRuntime } from "../runtime/runtime";

/** What the client needs of the runtime: `google.script.run`. */
export type ScriptRunner = Pick<AppsScriptRuntime, "scriptRun">;
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse } from "../../src/shared/bridge";

/** The add-on said no (its sentence for the user), or its call failed. */
export class AddonError extends Error {}

/** What every sidebar call answers (`BridgeResult`), before its value is checked against its own schema. */
const bridgeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/**
 * Calls the add-on the way its sidebar does: `google.script.run.<name>(request)` on one
 * spreadsheet, each call one execution of the built bundle, with the answer checked against the
 * bridge's schema so a server that drifts from it fails here, by name.
 */
export class AddonClient {
  constructor(
    private readonly runtime: ScriptRunner,
    private readonly spreadsheetId: string,
  ) {}

  /** The answer's value; throws AddonError with the add-on's sentence when it answers `ok: false`. */
  call<N extends BridgeName>(name: N, request: BridgeRequest<N>): BridgeResponse<N> {
    const result = this.runtime.scriptRun(this.spreadsheetId, name, [request]);
    if (!result.ok) throw new AddonError(`The add-on's ${name} failed: ${result.error}`);
    const answer = bridgeResultSchema.safeParse(result.value);
    if (!answer.success) throw new AddonError(mismatch(name, answer.error));
    if (!answer.data.ok) throw new AddonError(answer.data.message);
    // BRIDGE[name] is a union over every call, so TypeScript cannot tie the parsed type to N.
    const responseSchema: z.ZodMiniType = BRIDGE[name].response;
    const value = responseSchema.safeParse(answer.data.value);
    if (!value.success) throw new AddonError(mismatch(name, value.error));
    return value.data as BridgeResponse<N>;
  }
}

function mismatch(name: BridgeName, error: z.core.$ZodError): string {
  return `The add-on's ${name} answered in a shape src/shared/bridge.ts does not allow: ${z.prettifyError(error)}`;
}
