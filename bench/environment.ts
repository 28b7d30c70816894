import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Environment {
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  date: string;
  /** 1-, 5- and 15-minute load averages when the run started: other work on the machine slows the CPU figures. */
  loadAverage: number[];
  /** The commit measured, with "+ changes" when the working tree differs from it. */
  commit: string;
}

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() !== "";
    return changed ? `${commit} + changes` : commit;
  } catch {
    return "unknown";
  }
}

export function describeEnvironment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    commit: gitCommit(),
  };
}
