import { createEmulatorApp, type EmulatorAppOptions } from "../../../sandbox/emulator/app";
import { SANDBOX_CLOCK_HEADER } from "../../../sandbox/emulator/clock";
import { jane } from "../../support/exampleMember";

export const API_KEY = "vit_apk_sandbox";
export const ORGANIZATION_ID = "org_sandbox";
/** 2026-01-15T10:30:00Z, the time of the reference's examples. */
export const T0 = Date.UTC(2026, 0, 15, 10, 30, 0);
/** T0 as the API writes timestamps. */
export const T0_TIMESTAMP = "2026-01-15T10:30:00Z";

export const ID = {
  group: /^grp_[A-Za-z0-9+/]{22}==$/,
  groupMember: /^grpmbr_[A-Za-z0-9+/]{22}==$/,
  syncRequest: /^grpmsr_[A-Za-z0-9+/]{22}==$/,
  organization: /^org_[A-Za-z0-9+/]{22}==$/,
};

/** The flat error body of vitable-api.md §5.2 with this message and code. */
export function flatError(message: string | RegExp, appErrorCode: string) {
  return {
    timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    message,
    error: message,
    app_error_code: appErrorCode,
    trace_id: expect.stringMatching(/^trc_[0-9a-f]{32}$/),
  };
}

export const UNAUTHORIZED = { error: { code: "unauthorized", message: "Invalid or missing API key" } };

/** A decoded response body; tests check whole bodies with toEqual, so it needs no static shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: typing every body would only restate the assertions.
export type Json = any;

/** The JSON body of a fetch response. */
export async function bodyOf(response: Response): Promise<Json> {
  return response.json();
}

export interface Reply {
  status: number;
  headers: Headers;
  json: Json;
}

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, e.g. malformed JSON. */
  rawBody?: string;
  /** The API key; null sends no Authorization header. */
  key?: string | null;
  headers?: Record<string, string>;
}

/** A member of the seeded "Basic Care" plan, with `overrides` applied. */
export function member(referenceId: string, overrides: Record<string, unknown> = {}) {
  return { ...jane, reference_id: referenceId, plan_id: "pln_sbx_basic", ...overrides };
}

/**
 * The emulator called in-process, every request at the emulator clock `clockMs` (sent as
 * X-Sandbox-Clock), which tests move with `advance`.
 */
export function inProcess(options: EmulatorAppOptions = {}) {
  const app = createEmulatorApp(options);
  const emulator = {
    app,
    clockMs: T0,
    advance(ms: number): void {
      emulator.clockMs += ms;
    },
    async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
      const headers: Record<string, string> = { [SANDBOX_CLOCK_HEADER]: String(emulator.clockMs), ...options.headers };
      const key = options.key === undefined ? API_KEY : options.key;
      if (key !== null) headers.Authorization = `Bearer ${key}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await app.request(path, { method, headers, body });
      const text = await response.text();
      return { status: response.status, headers: response.headers, json: text === "" ? undefined : JSON.parse(text) };
    },
    async createGroup(name: string, externalReferenceId: string, key?: string): Promise<Json> {
      const reply = await emulator.call("POST", "/v1/groups", {
        body: { name, external_reference_id: externalReferenceId },
        key,
      });
      if (reply.status !== 201) throw new Error(`Creating a group failed: ${JSON.stringify(reply.json)}`);
      return reply.json.data;
    },
    async sync(groupId: string, members: unknown[], key?: string): Promise<Reply> {
      return emulator.call("POST", `/v1/groups/${encodeURIComponent(groupId)}/members/sync`, {
        body: { members },
        key,
      });
    },
    async syncRequest(groupId: string, requestId: string, key?: string): Promise<Reply> {
      const path = `/v1/groups/${encodeURIComponent(groupId)}/members/sync/${encodeURIComponent(requestId)}`;
      return emulator.call("GET", path, { key });
    },
    /** Submits a roster, lets the processing delay pass and returns the completed request. */
    async syncAndComplete(groupId: string, members: unknown[]): Promise<Json> {
      const accepted = await emulator.sync(groupId, members);
      if (accepted.status !== 202) throw new Error(`The sync was refused: ${JSON.stringify(accepted.json)}`);
      emulator.advance(60_000);
      return (await emulator.syncRequest(groupId, accepted.json.data.request_id)).json.data;
    },
  };
  return emulator;
}

export type InProcessEmulator = ReturnType<typeof inProcess>;

/** An in-process emulator holding one group, "Tier 1" (external reference ID mol_seg_001). */
export async function emulatorWithTier1Group(options: EmulatorAppOptions = {}) {
  const emulator = inProcess(options);
  const group = await emulator.createGroup("Tier 1", "mol_seg_001");
  return { emulator, groupId: group.id as string };
}
