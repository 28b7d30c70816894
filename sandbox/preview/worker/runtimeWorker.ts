import { parentPort, workerData } from "node:worker_threads";
import type { WorkerMessage, WorkerRequest, WorkerStartData } from "./protocol";
import { PreviewRuntime } from "./previewRuntime";

/**
 * The worker thread of the preview: runs the add-on in the Apps Script runtime and answers the
 * main thread's operations one at a time, in order. A running script blocks this thread (a fetch,
 * Utilities.sleep, an alert waiting for its answer), never the server's.
 */
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

function start(): PreviewRuntime | null {
  try {
    return new PreviewRuntime(workerData as WorkerStartData, {
      view: (view) => post({ type: "view", view }),
      toast: (toast) => post({ type: "toast", toast }),
      question: (id, question) => post({ type: "question", id, question }),
    });
  } catch (error) {
    post({ type: "startFailed", message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

const preview = start();
if (preview !== null) {
  post({ type: "ready", view: preview.view() });
  port.on("message", ({ requestId, operation }: WorkerRequest) => {
    const label = preview.busyLabel(operation);
    if (label !== null) post({ type: "busy", label });
    const result = preview.perform(operation);
    post({ type: "view", view: preview.view() });
    post({ type: "reply", requestId, result });
  });
}
