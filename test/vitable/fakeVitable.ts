import { createVitableClient, type VitableClient, type VitableClientOptions } from "../../src/vitable/client";
import { VITABLE_BASE_URLS } from "../../src/vitable/environments";
import { VitableError } from "../../src/vitable/errors";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../src/vitable/transport";

export const API_KEY = "vit_apk_live_9f8e7d6c5b4a39281706";

/** A response, or what the transport throws instead (a TransportError, or any other error). */
export type ScriptedReply = HttpResponse | Error;

/** A clock whose sleep advances time instantly, recording every wait. */
export class FakeClock {
  time = Date.UTC(2026, 0, 15, 10, 30);
  readonly sleeps: number[] = [];
  /** The time at the end of each wait. */
  readonly wakeUps: number[] = [];
  readonly now = (): number => this.time;
  readonly sleep = (ms: number): void => {
    this.sleeps.push(ms);
    this.time += ms;
    this.wakeUps.push(this.time);
  };
}

/** Answers requests from a script, in order, and records them; each request takes `latencyMs` on the clock. */
export class ScriptedTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];

  constructor(
    private readonly replies: ScriptedReply[],
    private readonly clock: FakeClock,
    private readonly latencyMs = 0,
  ) {}

  send(request: HttpRequest): HttpResponse {
    this.requests.push(request);
    this.clock.time += this.latencyMs;
    const reply = this.replies.shift();
    if (reply === undefined) throw new Error(`No scripted reply for ${request.method} ${request.url}`);
    if (reply instanceof Error) throw reply;
    return reply;
  }
}

export function reply(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}

export function times<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}

export interface Harness {
  client: VitableClient;
  transport: ScriptedTransport;
  clock: FakeClock;
}

export function harness(
  replies: ScriptedReply[],
  options: Partial<Omit<VitableClientOptions, "transport">> & { latencyMs?: number } = {},
): Harness {
  const clock = new FakeClock();
  const transport = new ScriptedTransport(replies, clock, options.latencyMs);
  const client = createVitableClient({
    apiKey: API_KEY,
    baseUrl: VITABLE_BASE_URLS.production,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...options,
    transport,
  });
  return { client, transport, clock };
}

/** Runs `action`, expecting a VitableError (of `errorClass` when given), and returns it. */
export function vitableErrorOf(action: () => unknown): VitableError;
export function vitableErrorOf<E extends VitableError>(
  action: () => unknown,
  errorClass: new (...args: never[]) => E,
): E;
export function vitableErrorOf(
  action: () => unknown,
  errorClass?: new (...args: never[]) => VitableError,
): VitableError {
  try {
    action();
  } catch (error) {
    if (errorClass ? error instanceof errorClass : error instanceof VitableError) return error as VitableError;
    throw error;
  }
  throw new Error(`Expected a ${errorClass?.name ?? "VitableError"}, but the call succeeded.`);
}

export const plan = { id: "pln_abc123def456", name: "Basic Care" };

export const group = {
  id: "grp_abc123def456",
  organization_id: "org_abc123def456",
  name: "Tier 1",
  external_reference_id: "mol_seg_001",
  created_at: "2026-01-15T10:30:00Z",
  updated_at: "2026-01-15T10:30:00Z",
};

export const receipt = {
  request_id: "grpmsr_abc123def456",
  group_id: "grp_abc123def456",
  accepted_at: "2026-01-15T10:30:00Z",
};

export function page<T>(data: T[], pageNumber: number, totalPages: number, total = data.length) {
  return { data, pagination: { page: pageNumber, limit: 100, total, total_pages: totalPages } };
}
