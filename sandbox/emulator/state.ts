import * as z from "zod";
import {
  apiKeySpecSchema,
  describeIssues,
  planSchema,
  storedFaultSchema,
  type ApiKeySpec,
  type Plan,
} from "./controlSchemas";
import { generatedId, type IdKind } from "./ids";
import { syncMemberSchema } from "./memberRules";

// Everything the emulated Vitable holds. Plain JSON, so it persists as is; the schema checks a
// data file on load.

/** Bumped when the shape changes, so an old data file is refused with a clear message. */
const STATE_FORMAT = 1;

export const DEFAULT_API_KEY = "vit_apk_sandbox";
export const DEFAULT_ORGANIZATION_ID = "org_sandbox";
export const DEFAULT_PROCESSING_DELAY_MS = 1000;

/** The plans Vitable links to every organization of the sandbox. */
export const SEEDED_PLANS: readonly Plan[] = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
  { id: "pln_sbx_family", name: "Family Care" },
];

const timestamp = z.iso.datetime();

const groupMemberSchema = z.object({
  id: z.string(),
  reference_id: z.string(),
  added_at: timestamp,
  /** The member as last sent in a sync that applied to them. */
  record: syncMemberSchema,
});

export type GroupMember = z.infer<typeof groupMemberSchema>;

const groupSchema = z.object({
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  external_reference_id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  members: z.array(groupMemberSchema),
});

export type StoredGroup = z.infer<typeof groupSchema>;

const syncResultsSchema = z.object({
  added_group_member_ids: z.array(z.string()),
  removed_group_member_ids: z.array(z.string()),
  failures: z.array(z.object({ reference_id: z.string(), operation: z.enum(["add", "remove"]), reason: z.string() })),
});

export type SyncResults = z.infer<typeof syncResultsSchema>;

const syncRequestSchema = z.object({
  request_id: z.string(),
  group_id: z.string(),
  accepted_at: timestamp,
  dueAtMs: z.number(),
  neverCompletes: z.boolean(),
  memberCount: z.int(),
  /** The submitted roster until the request completes; dropped then, the group holds the outcome. */
  payload: z.array(syncMemberSchema).nullable(),
  completed_at: timestamp.nullable(),
  results: syncResultsSchema.nullable(),
});

export type StoredSyncRequest = z.infer<typeof syncRequestSchema>;

const unremovableSchema = z.object({
  referenceId: z.string(),
  /** Null: in every group. */
  groupId: z.string().nullable(),
});

export type Unremovable = z.infer<typeof unremovableSchema>;

export const emulatorStateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  /** The emulator's latest "now" (epoch ms); time never goes back, not even across restarts. */
  clockMs: z.number(),
  processingDelayMs: z.int().min(0),
  organizations: z.array(z.object({ id: z.string(), plans: z.array(planSchema) })),
  apiKeys: z.array(z.object({ key: z.string(), organizationId: z.string() })),
  groups: z.array(groupSchema),
  syncRequests: z.array(syncRequestSchema),
  unremovable: z.array(unremovableSchema),
  faults: z.array(storedFaultSchema),
  /** How many IDs of each kind were handed out, so new ones never repeat. */
  counters: z.object({
    organization: z.int(),
    group: z.int(),
    groupMember: z.int(),
    syncRequest: z.int(),
    fault: z.int(),
  }),
});

export type EmulatorState = z.infer<typeof emulatorStateSchema>;

/** What the sandbox starts from and what a reset returns to. */
export interface EmulatorSeed {
  processingDelayMs: number;
  /** Keys besides the default `vit_apk_sandbox` of `org_sandbox`. */
  apiKeys: ApiKeySpec[];
}

export function nextId(state: EmulatorState, kind: IdKind): string {
  state.counters[kind] += 1;
  return generatedId(kind, state.counters[kind]);
}

export function findOrganization(state: EmulatorState, organizationId: string) {
  return state.organizations.find((organization) => organization.id === organizationId);
}

export type ApiKeyOutcome = { ok: true; key: string; organizationId: string } | { ok: false; message: string };

/**
 * Gives `spec.key` access to its organization, creating the organization (with the seeded
 * plans) when it is new. Adding a key again for the same organization changes nothing.
 */
export function addApiKey(state: EmulatorState, { key, organizationId }: ApiKeySpec): ApiKeyOutcome {
  const existing = state.apiKeys.find((apiKey) => apiKey.key === key);
  if (existing !== undefined) {
    if (organizationId === undefined || existing.organizationId === organizationId) {
      return { ok: true, key, organizationId: existing.organizationId };
    }
    return { ok: false, message: `The key ${key} already belongs to organization ${existing.organizationId}.` };
  }
  const id = organizationId ?? nextId(state, "organization");
  if (findOrganization(state, id) === undefined) {
    state.organizations.push({ id, plans: SEEDED_PLANS.map((plan) => ({ ...plan })) });
  }
  state.apiKeys.push({ key, organizationId: id });
  return { ok: true, key, organizationId: id };
}

export function seedState(seed: EmulatorSeed, clockMs: number): EmulatorState {
  const state: EmulatorState = {
    format: STATE_FORMAT,
    clockMs,
    processingDelayMs: seed.processingDelayMs,
    organizations: [],
    apiKeys: [],
    groups: [],
    syncRequests: [],
    unremovable: [],
    faults: [],
    counters: { organization: 0, group: 0, groupMember: 0, syncRequest: 0, fault: 0 },
  };
  const extraKeys = z.array(apiKeySpecSchema).safeParse(seed.apiKeys);
  if (!extraKeys.success) throw new Error(`Invalid apiKeys option: ${describeIssues(extraKeys.error)}`);
  for (const spec of [{ key: DEFAULT_API_KEY, organizationId: DEFAULT_ORGANIZATION_ID }, ...extraKeys.data]) {
    const outcome = addApiKey(state, spec);
    if (!outcome.ok) throw new Error(outcome.message);
  }
  return state;
}
