import { SANDBOX_CLOCK_HEADER } from "./clock";
import type { ApiKeySpec, FaultSpec, Plan, StoredFault, UnremovableSpec } from "./controlSchemas";
import type { Unremovable } from "./state";
import type { EmulatorStateView } from "./stateView";

export interface ControlClientOptions {
  /**
   * The sandbox clock (epoch ms), sent as X-Sandbox-Clock so reading the state also completes
   * the syncs due by then. Without it, control requests happen at the emulator's latest time.
   */
  clock?: () => number;
}

/** A typed client of the emulator's control API (`/_sandbox/…`), for tests and tools. */
export class ControlClient {
  private readonly controlUrl: string;
  private readonly clock: (() => number) | undefined;

  /** `baseUrl`: the emulator's base URL, e.g. `http://127.0.0.1:8787`. */
  constructor(baseUrl: string, options: ControlClientOptions = {}) {
    this.controlUrl = `${baseUrl.replace(/\/+$/, "")}/_sandbox`;
    this.clock = options.clock;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.clock !== undefined) headers[SANDBOX_CLOCK_HEADER] = String(this.clock());
    const response = await fetch(`${this.controlUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`The emulator refused ${method} /_sandbox${path} (${response.status}): ${text}`);
    }
    return JSON.parse(text) as T;
  }

  /** Everything the emulated Vitable holds. */
  state(): Promise<EmulatorStateView> {
    return this.call("GET", "/state");
  }

  /** Back to the seeded organizations, keys and plans; no groups, syncs or faults. */
  reset(): Promise<EmulatorStateView> {
    return this.call("POST", "/reset");
  }

  /** For syncs accepted from now on. */
  async setProcessingDelay(processingDelayMs: number): Promise<void> {
    await this.call("PUT", "/processing-delay", { processingDelayMs });
  }

  /** Members with these reference IDs fail to be removed (in `groupId`, or in every group). */
  async markUnremovable(spec: UnremovableSpec): Promise<Unremovable[]> {
    return (await this.call<{ unremovable: Unremovable[] }>("POST", "/unremovable", spec)).unremovable;
  }

  async clearUnremovable(): Promise<void> {
    await this.call("DELETE", "/unremovable");
  }

  injectFault(fault: FaultSpec): Promise<StoredFault> {
    return this.call("POST", "/faults", fault);
  }

  /** Faults not yet used up. */
  async faults(): Promise<StoredFault[]> {
    return (await this.call<{ faults: StoredFault[] }>("GET", "/faults")).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  /** Gives a key access to an organization, created (with the seeded plans) when new or absent. */
  addApiKey(spec: ApiKeySpec): Promise<{ key: string; organizationId: string }> {
    return this.call("POST", "/api-keys", spec);
  }

  /** Replaces the plans Vitable links to the organization. */
  async setPlans(organizationId: string, plans: Plan[]): Promise<Plan[]> {
    const path = `/organizations/${encodeURIComponent(organizationId)}/plans`;
    return (await this.call<{ plans: Plan[] }>("PUT", path, { plans })).plans;
  }
}
