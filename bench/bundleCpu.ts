import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";

/**
 * The add-on's own CPU in one execution of the shipped bundle in the sandbox's Apps Script
 * runtime. The runtime runs dist/Code.js (compiled as "Code.js") in the same thread as the
 * emulated Google services, so the thread's time is split with V8's sampling profiler: a sample
 * belongs to the add-on when the innermost frame with a script location is in Code.js (built-ins
 * such as JSON.stringify are the add-on's when it called them), to the services otherwise; the
 * garbage collector's samples are shared in proportion; samples blocked waiting for HTTP are
 * nobody's work. Samples measure time on the clock; on a machine busy with other work the thread
 * waits for a core part of that time, so sample time is scaled down to the CPU time the thread
 * was actually given.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Node IDs, one per sample. */
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas: number[];
}

/** Sample time by owner, ms. */
export interface ProfileSplit {
  addonMs: number;
  servicesMs: number;
  gcMs: number;
  /** Blocked on an HTTP response, or idle. */
  waitingMs: number;
}

export const BUNDLE_URL = "Code.js";
/** The sandbox's blocking HTTP client: its samples are the thread waiting for a response. */
const WAITING_URL = "sandbox/runtime/http/syncHttp.ts";
const IDLE_FRAMES = new Set(["(idle)", "(program)"]);
const GC_FRAME = "(garbage collector)";

/**
 * Frames without a location of their own, or in the realm's clock-following Date stand-in
 * (`vm.runInContext` code, "evalmachine"), count as their caller's.
 */
function locatedUrl(url: string): string | null {
  return url === "" || url.startsWith("evalmachine") ? null : url;
}

export function splitProfile(profile: CpuProfile, bundleUrl = BUNDLE_URL): ProfileSplit {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownerCache = new Map<number, keyof ProfileSplit>();

  function ownerOf(id: number): keyof ProfileSplit {
    const cached = ownerCache.get(id);
    if (cached !== undefined) return cached;
    const name = byId.get(id)?.callFrame.functionName ?? "";
    let owner: keyof ProfileSplit = "servicesMs";
    if (IDLE_FRAMES.has(name)) owner = "waitingMs";
    else if (name === GC_FRAME) owner = "gcMs";
    else {
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const url = locatedUrl(byId.get(at)?.callFrame.url ?? "");
        if (url === null) continue;
        owner = url === bundleUrl ? "addonMs" : url.endsWith(WAITING_URL) ? "waitingMs" : "servicesMs";
        break;
      }
    }
    ownerCache.set(id, owner);
    return owner;
  }

  const split: ProfileSplit = { addonMs: 0, servicesMs: 0, gcMs: 0, waitingMs: 0 };
  profile.samples.forEach((id, index) => {
    split[ownerOf(id)] += (profile.timeDeltas[index] ?? 0) / 1_000;
  });
  return split;
}

/**
 * The add-on's CPU, ms: its sample time plus its share of the garbage collector's, scaled down
 * by the share of its busy sample time the thread had a core (`threadCpuMs`).
 */
export function addonCpuMs(split: ProfileSplit, threadCpuMs: number): number {
  const work = split.addonMs + split.servicesMs;
  if (work === 0) return 0;
  const addonWithGc = split.addonMs + (split.gcMs * split.addonMs) / work;
  const busy = work + split.gcMs;
  return addonWithGc * Math.min(1, threadCpuMs / busy);
}

const CLOCK_TICK_MS = 10;

/**
 * CPU time of this process's main thread, ms: Linux's /proc accounting (user and system time, in
 * clock ticks of 10 ms); elsewhere the whole process's, which also counts the profiler's and the
 * HTTP thread's work, so the scaling never flatters the add-on.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1_000;
  }
}

export interface ProfiledRun<T> {
  value: T;
  split: ProfileSplit;
  threadCpuMs: number;
  cpuMs: number;
}

/** Sampling every 250 µs: a 50,000-row sync gives thousands of samples. */
const SAMPLING_INTERVAL_US = 250;

/** Runs `run` (synchronous: one execution) under the sampling profiler. */
export function profiled<T>(run: () => T): ProfiledRun<T> {
  const session = new Session();
  session.connect();
  // The main thread's own session answers synchronously.
  const post = (method: string, params?: object): unknown => {
    const answer: { error: Error | null; result: unknown } = { error: null, result: undefined };
    session.post(method, params ?? {}, (error, result) => {
      answer.error = error;
      answer.result = result;
    });
    if (answer.error !== null) throw answer.error;
    return answer.result;
  };
  try {
    post("Profiler.enable");
    post("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
    post("Profiler.start");
    const cpuStart = mainThreadCpuMs();
    const value = run();
    const threadCpuMs = mainThreadCpuMs() - cpuStart;
    const { profile } = post("Profiler.stop") as { profile: CpuProfile };
    // For a closer look (Chrome DevTools ▸ Performance ▸ Load profile): the last profile taken.
    const keep = process.env.BENCH_CPU_PROFILE;
    if (keep) writeFileSync(keep, JSON.stringify(profile));
    const split = splitProfile(profile);
    return { value, split, threadCpuMs, cpuMs: addonCpuMs(split, threadCpuMs) };
  } finally {
    session.disconnect();
  }
}
