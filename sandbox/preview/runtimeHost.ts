import path from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { ButtonSetName } from "../runtime/spreadsheet/enums";
import type { Answer, Question } from "../runtime/spreadsheet/uiRecorder";
import { ADDON_NAME } from "../../src/messages/menu";
import type { ActionResult, ButtonName, QuestionView, ToastView } from "./shared/api";
import type {
  AnswerMessage,
  OperationResult,
  RuntimeView,
  SeedKind,
  WorkerMessage,
  WorkerOperation,
  WorkerRequest,
  WorkerStartData,
} from "./worker/protocol";

const WORKER_ENTRY = path.join(__dirname, "worker/start.cjs");
const TOASTS_KEPT = 10;

const BUTTONS: Record<ButtonSetName, QuestionView["buttons"]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

export interface RuntimeHostOptions {
  projectDir: string;
  dataDir: string;
  emulatorUrl: string;
  apiKey: string;
  seed: SeedKind;
}

/**
 * The main thread's side of the add-on's runtime: starts the worker thread that runs it, sends it
 * operations (they run one at a time, in order, as a user's clicks would), and keeps what the
 * page shows: the runtime's latest view, what the script is running, the question it waits on,
 * and the latest toasts. Every change bumps `version`.
 */
export class RuntimeHost {
  view: RuntimeView;
  busy: string | null = null;
  failure: string | null = null;
  question: QuestionView | null = null;
  toasts: ToastView[] = [];
  version = 1;
  private readonly replies = new Map<number, (result: OperationResult) => void>();
  private readonly waiters = new Set<() => void>();
  private requests = 0;
  private toastCount = 0;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly answerFlag: Int32Array,
    private readonly answerPort: MessagePort,
    view: RuntimeView,
  ) {
    this.view = view;
    worker.on("message", (message: WorkerMessage) => this.receive(message));
    worker.on("error", (error) => this.fail(`The add-on's runtime stopped: ${error.message}`));
    worker.on("exit", (code) => {
      if (!this.closing) this.fail(`The add-on's runtime stopped (exit code ${code}).`);
    });
  }

  /** Starts the worker and waits until the spreadsheet is loaded (or seeded) and saved. */
  static start(options: RuntimeHostOptions): Promise<RuntimeHost> {
    const flag = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const startData: WorkerStartData = { ...options, answerFlag: flag, answerPort: port2 };
    const worker = new Worker(WORKER_ENTRY, { workerData: startData, transferList: [port2] });
    return new Promise((resolve, reject) => {
      const fail = (message: string) => {
        void worker.terminate().then(() => reject(new Error(message)));
      };
      worker.once("error", (error) => fail(`The add-on's runtime did not start: ${error.message}`));
      worker.once("message", (message: WorkerMessage) => {
        worker.removeAllListeners("error");
        if (message.type === "ready") resolve(new RuntimeHost(worker, new Int32Array(flag), port1, message.view));
        else fail(message.type === "startFailed" ? message.message : "The add-on's runtime did not start.");
      });
    });
  }

  /** Queues an operation; resolves when the worker has done it. */
  perform(operation: WorkerOperation): Promise<OperationResult> {
    if (this.failure !== null) return Promise.resolve({ ok: false, message: this.failure });
    this.requests += 1;
    const requestId = this.requests;
    return new Promise((resolve) => {
      this.replies.set(requestId, resolve);
      const request: WorkerRequest = { requestId, operation };
      this.worker.postMessage(request);
    });
  }

  /** Answers the question the script waits on; refused when `id` is not that question. */
  answer(id: number, button: ButtonName, text: string): ActionResult {
    const question = this.question;
    if (question === null || question.id !== id) {
      return { ok: false, message: "That dialog was already answered." };
    }
    if (button !== "CLOSE" && !question.buttons.includes(button)) {
      return { ok: false, message: `The dialog has no ${button} button.` };
    }
    this.question = null;
    const answer: Answer = question.type === "prompt" ? { button, text } : button;
    const message: AnswerMessage = { id, answer };
    this.answerPort.postMessage(message);
    Atomics.store(this.answerFlag, 0, 1);
    Atomics.notify(this.answerFlag, 0);
    this.changed();
    return { ok: true };
  }

  /** Shows a toast of the preview's own (a script that failed, say). */
  addToast(title: string, message: string): void {
    this.toastCount += 1;
    this.toasts = [
      ...this.toasts,
      { id: this.toastCount, title, message, timeoutSeconds: null, shownAt: Date.now() },
    ].slice(-TOASTS_KEPT);
    this.changed();
  }

  /** Resolves once `version` is past `after`, or after `timeoutMs`. */
  waitForChange(after: number, timeoutMs: number): Promise<void> {
    if (this.version > after || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const waiter of [...this.waiters]) waiter();
    this.answerPort.close();
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case "busy":
        this.busy = message.label;
        break;
      case "view":
        this.view = message.view;
        break;
      case "toast":
        this.toastCount += 1;
        this.toasts = [...this.toasts, { ...message.toast, id: this.toastCount, shownAt: Date.now() }].slice(
          -TOASTS_KEPT,
        );
        break;
      case "question":
        this.question = questionView(message.id, message.question);
        break;
      case "reply":
        this.busy = null;
        this.replies.get(message.requestId)?.(message.result);
        this.replies.delete(message.requestId);
        break;
      case "ready":
      case "startFailed":
        return;
    }
    this.changed();
  }

  private fail(message: string): void {
    if (this.failure !== null) return;
    this.failure = message;
    this.busy = null;
    this.question = null;
    for (const reply of this.replies.values()) reply({ ok: false, message });
    this.replies.clear();
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const waiter of [...this.waiters]) waiter();
  }
}

function questionView(id: number, question: Question): QuestionView {
  return {
    id,
    type: question.type,
    title: question.title === "" ? ADDON_NAME : question.title,
    prompt: question.prompt,
    buttons: BUTTONS[question.buttons],
  };
}
