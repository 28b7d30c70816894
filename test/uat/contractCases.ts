import { createVitableClient, type VitableClient } from "../../src/vitable/client";
import type { Group } from "../../src/vitable/apiSchemas";
import {
  VitableError,
  VitableNotFoundError,
  VitableRejectedError,
  VitableUnauthorizedError,
} from "../../src/vitable/errors";
import type { Member } from "../../src/vitable/memberSchema";
import { CaseFailure, createAssertions, messageOf, type Assertions } from "../conformance/assertions";
import type { CaseResult } from "../conformance/harness";
import { createNodeTransport } from "./nodeTransport";

/**
 * The Vitable client's contract with the API, in cases that run against Vitable's UAT environment
 * (`npm run test:uat`) and against the emulator (test/uat/emulator.test.ts), so a difference
 * between the two shows as a case that passes on one and fails on the other.
 */

export interface ContractSetup {
  baseUrl: string;
  apiKey: string;
  /** The throwaway group's name: a prefix and the date, so leftovers are easy to find. */
  groupName: string;
  /** Roster sizes the size probe tries, doubling from `start` while at most `cap`. */
  sizeProbe: { start: number; cap: number };
  /** How long a sync may take to complete, and how often it is looked at meanwhile. */
  syncTimeoutMs: number;
  pollIntervalMs: number;
}

interface ContractContext extends Assertions {
  setup: ContractSetup;
  client: VitableClient;
  clientWithKey(apiKey: string): VitableClient;
  /** The `Retry-After` values of every response so far. */
  retryAfterSeen: string[];
  /** What earlier cases made for later ones: the throwaway group and a plan to enrol people in. */
  made: { group?: Group; planId?: string };
}

interface ContractCase {
  name: string;
  assumption: string;
  body: (t: ContractContext) => void;
}

/** The name test:uat gives its throwaway groups: "Roster Sync check 2026-12-03". */
export function throwawayGroupName(now: Date): string {
  return `Roster Sync check ${now.toISOString().slice(0, 10)}`;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function rosterOf(count: number, planId: string): Member[] {
  return Array.from({ length: count }, (_, index) => ({
    reference_id: `CHK-${String(index + 1).padStart(6, "0")}`,
    first_name: "Check",
    last_name: `Member ${index + 1}`,
    date_of_birth: "1990-05-15",
    phone: "4155550100",
    email: `roster.check.${index + 1}@example.com`,
    plan_id: planId,
    address: { address_line_1: "1 Main Street", city: "Boston", state: "MA", zipcode: "02134" },
  }));
}

function needed<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new CaseFailure(`needs ${what} from an earlier case`);
  return value;
}

/** Submits the roster and waits for Vitable to finish it; returns the results. */
function syncAndWait(t: ContractContext, group: Group, members: Member[]) {
  const receipt = t.client.submitMemberSync(group.id, { members });
  t.equal(receipt.group_id, group.id, "the receipt's group");
  const deadline = Date.now() + t.setup.syncTimeoutMs;
  for (;;) {
    const detail = t.client.getMemberSyncRequest(group.id, receipt.request_id);
    if (detail.completed_at !== null && detail.results !== null) return detail.results;
    if (Date.now() >= deadline)
      throw new CaseFailure(`sync ${receipt.request_id} not completed in ${t.setup.syncTimeoutMs} ms`);
    sleep(t.setup.pollIntervalMs);
  }
}

function statusOf(thrown: unknown): number | null {
  return thrown instanceof VitableError ? thrown.status : null;
}

export const CONTRACT_CASES: readonly ContractCase[] = [
  {
    name: "plans",
    assumption: "GET /v1/plans lists the organization's plans, each with an ID and a name.",
    body(t) {
      const plans = t.client.listPlans();
      t.ok(plans.length > 0, "at least one plan");
      t.note(`${plans.length} plans`);
      t.made.planId = plans[0]!.id;
    },
  },
  {
    name: "groups",
    assumption: "GET /v1/groups lists the organization's groups, page by page.",
    body(t) {
      t.note(`${t.client.listGroups().length} groups`);
    },
  },
  {
    name: "create-group",
    assumption: "POST /v1/groups creates a group with the name and external reference ID given, found again by its ID.",
    body(t) {
      const reference = `${t.setup.groupName} ${Date.now().toString(36)}`;
      const group = t.client.createGroup({ name: t.setup.groupName, external_reference_id: reference });
      t.made.group = group;
      t.note(`group ${group.id}`);
      t.equal(group.name, t.setup.groupName, "its name");
      t.equal(t.client.getGroup(group.id).external_reference_id, reference, "its external reference ID read back");
    },
  },
  {
    name: "small-sync",
    assumption: "A member sync of two people is accepted with a receipt, completes, and adds both.",
    body(t) {
      const group = needed(t.made.group, "the throwaway group");
      const results = syncAndWait(t, group, rosterOf(2, needed(t.made.planId, "a plan")));
      t.equal(results.failures, [], "failures");
      t.equal(results.added_group_member_ids.length, 2, "people added");
    },
  },
  {
    name: "not-found",
    assumption: "A group that does not exist is a 404, which the client reports as not found.",
    body(t) {
      const thrown = t.throws(() => t.client.getGroup("grp_roster_sync_check_missing"), "a missing group");
      t.ok(thrown instanceof VitableNotFoundError, `not found, got ${messageOf(thrown)}`);
      t.equal(statusOf(thrown), 404, "the status");
    },
  },
  {
    name: "unauthorized",
    assumption: "A wrong key is a 401, which the client reports as a refused key, without retrying.",
    body(t) {
      const thrown = t.throws(() => t.clientWithKey("vit_apk_roster_sync_check_wrong").listPlans(), "a wrong key");
      t.ok(thrown instanceof VitableUnauthorizedError, `a refused key, got ${messageOf(thrown)}`);
      t.equal(statusOf(thrown), 401, "the status");
    },
  },
  {
    name: "size-limit",
    assumption:
      "How large a member sync Vitable takes: rosters double in size until the first 413 or 422 (or the cap).",
    body(t) {
      const group = needed(t.made.group, "the throwaway group");
      const planId = needed(t.made.planId, "a plan");
      for (let size = t.setup.sizeProbe.start; size <= t.setup.sizeProbe.cap; size *= 2) {
        const members = rosterOf(size, planId);
        const bytes = JSON.stringify({ members }).length;
        try {
          syncAndWait(t, group, members);
        } catch (thrown) {
          const status = statusOf(thrown);
          if (!(thrown instanceof VitableRejectedError) || (status !== 413 && status !== 422)) throw thrown;
          t.note(`refused at ${size} members (${bytes} bytes) with ${status}: ${messageOf(thrown)}`);
          return;
        }
        t.note(`accepted ${size} members (${bytes} bytes)`);
      }
    },
  },
  {
    name: "retry-after",
    assumption: "When Vitable asks to wait (429, 503), Retry-After is whole seconds or an HTTP date.",
    body(t) {
      if (t.retryAfterSeen.length === 0) {
        t.note("no Retry-After in this run");
        return;
      }
      t.note(`seen: ${t.retryAfterSeen.join(", ")}`);
      for (const value of t.retryAfterSeen) {
        t.ok(/^\d+$/.test(value) || !isNaN(Date.parse(value)), `"${value}" is seconds or an HTTP date`);
      }
    },
  },
];

/** Runs every contract case in order against `setup`, each reported as the conformance cases are. */
export async function runContracts(setup: ContractSetup): Promise<CaseResult[]> {
  const retryAfterSeen: string[] = [];
  const transport = createNodeTransport((response) => {
    const retryAfter = response.headers["retry-after"];
    if (retryAfter !== undefined) retryAfterSeen.push(retryAfter);
  });
  const clientWithKey = (apiKey: string) =>
    createVitableClient({ transport, apiKey, baseUrl: setup.baseUrl, sleep, now: Date.now, random: Math.random });
  const made: ContractContext["made"] = {};
  try {
    return CONTRACT_CASES.map((contract) => {
      const notes: string[] = [];
      const context: ContractContext = {
        ...createAssertions(notes),
        setup,
        client: clientWithKey(setup.apiKey),
        clientWithKey,
        retryAfterSeen,
        made,
      };
      const result = (outcome: CaseResult["outcome"], detail: string): CaseResult => ({
        name: contract.name,
        assumption: contract.assumption,
        outcome,
        detail,
        notes,
      });
      try {
        contract.body(context);
        return result("passed", "");
      } catch (thrown) {
        return result("failed", (thrown instanceof CaseFailure ? "" : "unexpected error: ") + messageOf(thrown));
      }
    });
  } finally {
    await transport.close();
  }
}
