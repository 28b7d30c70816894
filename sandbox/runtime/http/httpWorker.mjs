// @ts-check
/**
 * The network thread behind the sandbox's synchronous UrlFetchApp. Apps Script's fetch blocks
 * the script until the response arrives; Node has no blocking HTTP, so the script's thread posts
 * a batch of requests here and sleeps on a shared flag (Atomics.wait) until this thread has sent
 * them all (in parallel, like `fetchAll`) and posted the outcomes back.
 *
 * Plain JavaScript because a worker thread is started from a file Node can run as it is.
 */
import http from "node:http";
import https from "node:https";
import { parentPort } from "node:worker_threads";

/** @typedef {import("./syncHttp").SyncHttpRequest} SyncHttpRequest */
/** @typedef {import("./syncHttp").SyncHttpOutcome} SyncHttpOutcome */
/** @typedef {import("./syncHttp").NetworkFailureKind} NetworkFailureKind */

/** Node's error codes for the ways a request can fail to get an answer. */
/** @type {Record<string, NetworkFailureKind>} */
const FAILURE_BY_CODE = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNREFUSED: "refused",
  EHOSTUNREACH: "refused",
  ENETUNREACH: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
};

/**
 * @param {SyncHttpRequest} request
 * @returns {Promise<SyncHttpOutcome>}
 */
function send(request) {
  return new Promise((resolve) => {
    const url = new URL(request.url);
    const transport = url.protocol === "https:" ? https : http;
    let settled = false;
    /** @param {SyncHttpOutcome} outcome */
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const outgoing = transport.request(
      url,
      { method: request.method, headers: request.headers, agent: false },
      (incoming) => {
        /** @type {Buffer[]} */
        const chunks = [];
        let size = 0;
        incoming.on("data", (/** @type {Buffer} */ chunk) => {
          size += chunk.length;
          if (size > request.maxResponseBytes) {
            settle({ ok: false, failure: "tooLarge", detail: `more than ${request.maxResponseBytes} bytes` });
            outgoing.destroy();
            return;
          }
          chunks.push(chunk);
        });
        incoming.on("end", () =>
          settle({
            ok: true,
            status: incoming.statusCode ?? 0,
            headers: pairs(incoming.rawHeaders),
            body: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
        incoming.on("error", (error) => settle(failure(error)));
        incoming.on("aborted", () => settle({ ok: false, failure: "reset", detail: "the response was cut off" }));
      },
    );
    outgoing.setTimeout(request.timeoutMs, () => {
      settle({ ok: false, failure: "timeout", detail: `no answer within ${request.timeoutMs} ms` });
      outgoing.destroy();
    });
    outgoing.on("error", (error) => settle(failure(error)));
    outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
  });
}

/**
 * @param {Error & { code?: string }} error
 * @returns {SyncHttpOutcome}
 */
function failure(error) {
  const kind =
    (error.code && FAILURE_BY_CODE[error.code]) || (/socket hang up/i.test(error.message) ? "reset" : "refused");
  return { ok: false, failure: kind, detail: error.message };
}

/** @param {string[]} raw @returns {[string, string][]} */
function pairs(raw) {
  /** @type {[string, string][]} */
  const result = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    result.push([/** @type {string} */ (raw[i]), /** @type {string} */ (raw[i + 1])]);
  return result;
}

if (!parentPort) throw new Error("httpWorker.mjs runs as a worker thread of the sandbox's UrlFetchApp.");

parentPort.on(
  "message",
  /** @param {{ requests: SyncHttpRequest[]; port: import("node:worker_threads").MessagePort; flag: Int32Array }} batch */
  async ({ requests, port, flag }) => {
    const outcomes = await Promise.all(requests.map(send));
    port.postMessage(outcomes);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  },
);
