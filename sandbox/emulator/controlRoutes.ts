import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod";
import { methodNotAllowed } from "./apiErrors";
import {
  apiKeySpecSchema,
  describeIssues,
  faultSpecSchema,
  plansBodySchema,
  processingDelayBodySchema,
  unremovableBodySchema,
} from "./controlSchemas";
import type { EmulatorEnv } from "./env";
import { injectFault } from "./faults";
import { addApiKey, findOrganization, seedState, type EmulatorSeed } from "./state";
import { describeState } from "./stateView";
import type { EmulatorStore } from "./store";
import { parseJsonBody } from "./validation";

/**
 * The control API (`/_sandbox/…`): tests and tools read and steer the emulated Vitable.
 * No authentication; JSON in and out; a bad request gets 400 with `{"message": …}`.
 */

type BodyReading<T> = { ok: true; value: T } | { ok: false; response: Response };

function controlError(c: Context<EmulatorEnv>, status: ContentfulStatusCode, message: string): Response {
  return c.json({ message }, status);
}

async function readControlBody<T>(c: Context<EmulatorEnv>, schema: z.ZodType<T>): Promise<BodyReading<T>> {
  const json = parseJsonBody(await c.req.text());
  if (!json.ok) return { ok: false, response: controlError(c, 400, json.message) };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) return { ok: false, response: controlError(c, 400, describeIssues(parsed.error)) };
  return { ok: true, value: parsed.data };
}

export function controlRoutes(store: EmulatorStore, seed: EmulatorSeed): Hono<EmulatorEnv> {
  const control = new Hono<EmulatorEnv>();

  control.get("/state", (c) => c.json(describeState(store.state)));
  control.all("/state", methodNotAllowed(["GET"]));

  /** Back to the seed; the clock keeps its time, since time never goes backwards. */
  control.post("/reset", (c) => {
    store.state = seedState(seed, store.state.clockMs);
    store.markChanged();
    return c.json(describeState(store.state));
  });
  control.all("/reset", methodNotAllowed(["POST"]));

  /** Applies to syncs accepted from now on. */
  control.put("/processing-delay", async (c) => {
    const body = await readControlBody(c, processingDelayBodySchema);
    if (!body.ok) return body.response;
    store.state.processingDelayMs = body.value.processingDelayMs;
    store.markChanged();
    return c.json({ processingDelayMs: store.state.processingDelayMs });
  });
  control.all("/processing-delay", methodNotAllowed(["PUT"]));

  control.post("/unremovable", async (c) => {
    const body = await readControlBody(c, unremovableBodySchema);
    if (!body.ok) return body.response;
    const groupId = body.value.groupId ?? null;
    for (const referenceId of body.value.referenceIds) {
      const known = store.state.unremovable.some(
        (entry) => entry.referenceId === referenceId && entry.groupId === groupId,
      );
      if (!known) store.state.unremovable.push({ referenceId, groupId });
    }
    store.markChanged();
    return c.json({ unremovable: store.state.unremovable });
  });
  control.delete("/unremovable", (c) => {
    store.state.unremovable = [];
    store.markChanged();
    return c.json({ unremovable: store.state.unremovable });
  });
  control.all("/unremovable", methodNotAllowed(["POST", "DELETE"]));

  control.post("/api-keys", async (c) => {
    const body = await readControlBody(c, apiKeySpecSchema);
    if (!body.ok) return body.response;
    const outcome = addApiKey(store.state, body.value);
    if (!outcome.ok) return controlError(c, 409, outcome.message);
    store.markChanged();
    return c.json({ key: outcome.key, organizationId: outcome.organizationId }, 201);
  });
  control.all("/api-keys", methodNotAllowed(["POST"]));

  /** Replaces the plans Vitable links to the organization, e.g. to take one away. */
  control.put("/organizations/:organizationId/plans", async (c) => {
    const organization = findOrganization(store.state, c.req.param("organizationId"));
    if (organization === undefined) {
      return controlError(c, 404, `There is no organization ${c.req.param("organizationId")}`);
    }
    const body = await readControlBody(c, plansBodySchema);
    if (!body.ok) return body.response;
    organization.plans = body.value.plans;
    store.markChanged();
    return c.json({ organizationId: organization.id, plans: organization.plans });
  });
  control.all("/organizations/:organizationId/plans", methodNotAllowed(["PUT"]));

  control.get("/faults", (c) => c.json({ faults: store.state.faults }));
  control.post("/faults", async (c) => {
    const body = await readControlBody(c, faultSpecSchema);
    if (!body.ok) return body.response;
    const fault = injectFault(store.state, body.value);
    store.markChanged();
    return c.json(fault, 201);
  });
  control.delete("/faults", (c) => {
    store.state.faults = [];
    store.markChanged();
    return c.json({ faults: store.state.faults });
  });
  control.all("/faults", methodNotAllowed(["GET", "POST", "DELETE"]));

  return control;
}
