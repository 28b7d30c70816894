import type { ControlClient } from "../emulator/controlClient";
import type { EmulatorStateView } from "../emulator/stateView";
import type { VitableSwitches, VitableSyncView, VitableView } from "./shared/api";

/** "Slow processing": past the sidebar's 20 s of polling per call, so a sync stays pending a while. */
export const SLOW_PROCESSING_MS = 60_000;
/** The emulator's faults apply to a number of requests; this many lasts until the switch is turned off. */
const UNTIL_TURNED_OFF = 1_000_000_000;
const RATE_LIMIT_RETRY_AFTER_SECONDS = 2;
/** Patterns matching every API path (a `*` matches one segment): the deepest is a sync request's. */
const EVERY_API_PATH = ["/v1/*", "/v1/*/*", "/v1/*/*/*", "/v1/*/*/*/*", "/v1/*/*/*/*/*"];
const SYNCS_SHOWN = 10;

type FaultSwitch = "rateLimit" | "outage";
const FAULT_STATUS: Record<FaultSwitch, number> = { rateLimit: 429, outage: 503 };

function switchesOf(state: EmulatorStateView): VitableSwitches {
  const answering = (status: number) =>
    state.faults.some((fault) => fault.kind === "status" && fault.status === status);
  return {
    rateLimit: answering(FAULT_STATUS.rateLimit),
    outage: answering(FAULT_STATUS.outage),
    slowProcessing: state.processingDelayMs >= SLOW_PROCESSING_MS,
  };
}

function viewOf(state: EmulatorStateView): VitableView {
  const groupNames = new Map(state.groups.map((group) => [group.id, group.name]));
  const syncRequests: VitableSyncView[] = state.syncRequests
    .slice(-SYNCS_SHOWN)
    .reverse()
    .map((request) => ({
      requestId: request.request_id,
      groupName: groupNames.get(request.group_id) ?? request.group_id,
      acceptedAt: request.accepted_at,
      completedAt: request.completed_at,
      status: request.status,
      memberCount: request.memberCount,
      added: request.results?.added_group_member_ids.length ?? 0,
      removed: request.results?.removed_group_member_ids.length ?? 0,
      failures: (request.results?.failures ?? []).map((failure) => ({
        referenceId: failure.reference_id,
        operation: failure.operation,
        reason: failure.reason,
      })),
    }));
  return {
    groups: state.groups.map((group) => ({
      id: group.id,
      name: group.name,
      externalReferenceId: group.external_reference_id,
      members: group.members.map((member) => ({
        referenceId: member.reference_id,
        name: `${member.record.first_name} ${member.record.last_name}`,
      })),
    })),
    syncRequests,
    switches: switchesOf(state),
    processingDelayMs: state.processingDelayMs,
  };
}

/**
 * What the emulated Vitable holds, for the preview's panel, and its fault switches, through the
 * emulator's control API. A switch stays as it is across restarts: the emulator saves its faults
 * and processing delay with its data.
 */
export class VitablePanel {
  /** Switch changes one after another, so two quick clicks cannot interleave. */
  private changing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly control: ControlClient,
    /** The processing delay when "Slow processing" is off. */
    private readonly normalDelayMs: number,
  ) {}

  async view(): Promise<VitableView> {
    return viewOf(await this.control.state());
  }

  /**
   * "Rate limit (429)" and "Outage (503)" answer every API request with their status until turned
   * off; "Slow processing" makes syncs accepted from now on take a minute. Turning a fault switch
   * off clears the emulator's faults, then injects those of the switches still on.
   */
  setSwitches(changes: Partial<VitableSwitches>): Promise<VitableView> {
    const change = this.changing.then(async () => {
      const current = switchesOf(await this.control.state());
      const next = { ...current, ...changes };
      const faultSwitches: FaultSwitch[] = ["rateLimit", "outage"];
      if (faultSwitches.some((name) => next[name] !== current[name])) {
        await this.control.clearFaults();
        for (const name of faultSwitches.filter((name) => next[name])) await this.injectFault(name);
      }
      if (next.slowProcessing !== current.slowProcessing) {
        await this.control.setProcessingDelay(next.slowProcessing ? SLOW_PROCESSING_MS : this.normalDelayMs);
      }
      return this.view();
    });
    this.changing = change.catch(() => undefined);
    return change;
  }

  private async injectFault(name: FaultSwitch): Promise<void> {
    for (const path of EVERY_API_PATH) {
      await this.control.injectFault({
        kind: "status",
        path,
        status: FAULT_STATUS[name],
        times: UNTIL_TURNED_OFF,
        ...(name === "rateLimit" ? { retryAfter: RATE_LIMIT_RETRY_AFTER_SECONDS } : {}),
      });
    }
  }
}
