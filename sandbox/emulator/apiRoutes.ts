import { Hono, type Context } from "hono";
import * as z from "zod";
import { flatError, methodNotAllowed, UNAUTHORIZED_BODY } from "./apiErrors";
import { groupView, syncReceiptView, syncRequestView } from "./apiViews";
import { isoSeconds } from "./clock";
import type { EmulatorEnv } from "./env";
import { checkSyncPayload } from "./memberRules";
import { paginate, readPageRequest } from "./pagination";
import { findOrganization, nextId, type StoredGroup } from "./state";
import type { EmulatorStore } from "./store";
import { acceptSync } from "./syncProcessing";
import { describeFirstIssue, parseJsonBody, typeError } from "./validation";

/** The Vitable Connect API (vitable-api.md §2), mounted at `/v1`. */

const MAX_GROUP_TEXT = 255;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

const groupText = z
  .string({ error: typeError("a string") })
  .min(1, `must be between 1 and ${MAX_GROUP_TEXT} characters`)
  .max(MAX_GROUP_TEXT, `must be between 1 and ${MAX_GROUP_TEXT} characters`);

const objectBody = { error: "The request body must be a JSON object" };

const createGroupSchema = z.object({ name: groupText, external_reference_id: groupText }, objectBody);

/** Partial update: an omitted or null field stays as it is. */
const updateGroupSchema = z.object(
  { name: groupText.nullish(), external_reference_id: groupText.nullish() },
  objectBody,
);

type BodyReading<T> = { ok: true; value: T } | { ok: false; response: Response };

async function readBody<T>(c: Context<EmulatorEnv>, schema: z.ZodType<T>): Promise<BodyReading<T>> {
  const json = parseJsonBody(await c.req.text());
  if (!json.ok) return { ok: false, response: flatError(c, 400, json.message, "invalid_json") };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    return { ok: false, response: flatError(c, 400, describeFirstIssue(parsed.error), "validation_error") };
  }
  return { ok: true, value: parsed.data };
}

export function apiRoutes(store: EmulatorStore): Hono<EmulatorEnv> {
  const api = new Hono<EmulatorEnv>();

  api.use("*", async (c, next) => {
    const key = BEARER.exec(c.req.header("Authorization") ?? "")?.[1];
    const apiKey = store.state.apiKeys.find((candidate) => candidate.key === key);
    if (apiKey === undefined) return c.json(UNAUTHORIZED_BODY, 401, { "WWW-Authenticate": "Bearer" });
    c.set("organizationId", apiKey.organizationId);
    await next();
  });

  function pageRequest(c: Context<EmulatorEnv>) {
    return readPageRequest(c.req.query("page"), c.req.query("limit"));
  }

  /** The caller's group, or undefined for an unknown group or another organization's. */
  function findGroup(c: Context<EmulatorEnv>): StoredGroup | undefined {
    const groupId = c.req.param("groupId");
    const organizationId = c.get("organizationId");
    return store.state.groups.find((group) => group.id === groupId && group.organization_id === organizationId);
  }

  function groupNotFound(c: Context<EmulatorEnv>): Response {
    return flatError(c, 404, `Group ${c.req.param("groupId")} was not found`, "not_found");
  }

  /** Another group of the organization already using `externalReferenceId`, if any. */
  function groupWithReference(organizationId: string, externalReferenceId: string, except?: StoredGroup) {
    return store.state.groups.find(
      (group) =>
        group !== except &&
        group.organization_id === organizationId &&
        group.external_reference_id === externalReferenceId,
    );
  }

  function duplicateReference(c: Context<EmulatorEnv>, externalReferenceId: string): Response {
    return flatError(
      c,
      409,
      `A group with external_reference_id "${externalReferenceId}" already exists in this organization`,
      "duplicate_external_reference_id",
    );
  }

  api.get("/plans", (c) => {
    const page = pageRequest(c);
    if (!page.ok) return flatError(c, 400, page.message, "validation_error");
    const plans = findOrganization(store.state, c.get("organizationId"))?.plans ?? [];
    return c.json(paginate(plans, page));
  });
  api.all("/plans", methodNotAllowed(["GET"]));

  api.get("/groups", (c) => {
    const page = pageRequest(c);
    if (!page.ok) return flatError(c, 400, page.message, "validation_error");
    const organizationId = c.get("organizationId");
    const groups = store.state.groups.filter((group) => group.organization_id === organizationId).map(groupView);
    return c.json(paginate(groups, page));
  });

  api.post("/groups", async (c) => {
    const body = await readBody(c, createGroupSchema);
    if (!body.ok) return body.response;
    const organizationId = c.get("organizationId");
    const { name, external_reference_id } = body.value;
    if (groupWithReference(organizationId, external_reference_id) !== undefined) {
      return duplicateReference(c, external_reference_id);
    }
    const now = isoSeconds(c.get("nowMs"));
    const group: StoredGroup = {
      id: nextId(store.state, "group"),
      organization_id: organizationId,
      name,
      external_reference_id,
      created_at: now,
      updated_at: now,
      members: [],
    };
    store.state.groups.push(group);
    store.markChanged();
    return c.json({ data: groupView(group) }, 201);
  });
  api.all("/groups", methodNotAllowed(["GET", "POST"]));

  api.get("/groups/:groupId", (c) => {
    const group = findGroup(c);
    return group === undefined ? groupNotFound(c) : c.json({ data: groupView(group) });
  });

  api.patch("/groups/:groupId", async (c) => {
    const group = findGroup(c);
    if (group === undefined) return groupNotFound(c);
    const body = await readBody(c, updateGroupSchema);
    if (!body.ok) return body.response;
    const name = body.value.name ?? group.name;
    const externalReferenceId = body.value.external_reference_id ?? group.external_reference_id;
    if (groupWithReference(group.organization_id, externalReferenceId, group) !== undefined) {
      return duplicateReference(c, externalReferenceId);
    }
    if (name !== group.name || externalReferenceId !== group.external_reference_id) {
      group.name = name;
      group.external_reference_id = externalReferenceId;
      group.updated_at = isoSeconds(c.get("nowMs"));
      store.markChanged();
    }
    return c.json({ data: groupView(group) });
  });
  api.all("/groups/:groupId", methodNotAllowed(["GET", "PATCH"]));

  api.post("/groups/:groupId/members/sync", async (c) => {
    const group = findGroup(c);
    if (group === undefined) return groupNotFound(c);
    const json = parseJsonBody(await c.req.text());
    if (!json.ok) return flatError(c, 400, json.message, "invalid_json");
    const payload = checkSyncPayload(json.value);
    if (!payload.ok) return flatError(c, 400, payload.message, payload.code);
    const request = acceptSync(store.state, group, payload.members, c.get("nowMs"));
    store.markChanged();
    return c.json({ data: syncReceiptView(request) }, 202);
  });
  api.all("/groups/:groupId/members/sync", methodNotAllowed(["POST"]));

  api.get("/groups/:groupId/members/sync/:requestId", (c) => {
    const group = findGroup(c);
    if (group === undefined) return groupNotFound(c);
    const requestId = c.req.param("requestId");
    const request = store.state.syncRequests.find(
      (candidate) => candidate.request_id === requestId && candidate.group_id === group.id,
    );
    if (request === undefined) {
      return flatError(c, 404, `Sync request ${requestId} was not found for group ${group.id}`, "not_found");
    }
    return c.json({ data: syncRequestView(request) });
  });
  api.all("/groups/:groupId/members/sync/:requestId", methodNotAllowed(["GET"]));

  return api;
}
