import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** Why a request got no HTTP answer. */
export type NetworkFailureKind = "dns" | "refused" | "reset" | "timeout" | "tooLarge";

export interface SyncHttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  timeoutMs: number;
  maxResponseBytes: number;
}

export type SyncHttpOutcome =
  | { ok: true; status: number; headers: [string, string][]; body: Uint8Array }
  | { ok: false; failure: NetworkFailureKind; detail: string };

/** Longest a batch may take before the sandbox gives up on the network thread itself. */
const WORKER_STALL_MARGIN_MS = 30_000;

/**
 * Blocking HTTP for the sandbox's UrlFetchApp: requests run on a worker thread while the calling
 * thread waits, so the script sees Apps Script's synchronous `fetch`. The calling thread's event
 * loop is blocked meanwhile: a server answering these requests must live in another thread or
 * process (see sandbox/emulator/process.ts).
 */
export class SyncHttpClient {
  private worker: Worker | undefined;

  /** Sends the requests in parallel and returns their outcomes in the same order. */
  sendAll(requests: readonly SyncHttpRequest[]): SyncHttpOutcome[] {
    if (requests.length === 0) return [];
    const worker = this.startedWorker();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    try {
      worker.postMessage({ requests, port: port2, flag }, [port2]);
      const longest = Math.max(...requests.map((request) => request.timeoutMs)) + WORKER_STALL_MARGIN_MS;
      if (Atomics.wait(flag, 0, 0, longest) === "timed-out") {
        throw new Error(`The sandbox's network thread did not answer within ${longest} ms.`);
      }
      const message = receiveMessageOnPort(port1);
      if (!message) throw new Error("The sandbox's network thread signalled without an answer.");
      return message.message as SyncHttpOutcome[];
    } finally {
      port1.close();
    }
  }

  /** Stops the network thread; a later request starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private startedWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(path.join(__dirname, "httpWorker.mjs"));
      // An idle network thread must not keep the process alive.
      this.worker.unref();
    }
    return this.worker;
  }
}
