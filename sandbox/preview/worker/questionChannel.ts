import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { Answer, Question } from "../../runtime/spreadsheet/uiRecorder";
import type { AnswerMessage } from "./protocol";

/**
 * Alerts and prompts block the script until the user answers, as in Apps Script. The worker posts
 * the question to the main thread, then sleeps on a shared flag until the main thread has posted
 * the answer the browser sent and raised the flag (the same handshake as the runtime's blocking
 * HTTP, sandbox/runtime/http/syncHttp.ts).
 */
export class QuestionChannel {
  private readonly flag: Int32Array;
  private asked = 0;

  constructor(
    flag: SharedArrayBuffer,
    private readonly port: MessagePort,
    private readonly post: (id: number, question: Question) => void,
  ) {
    this.flag = new Int32Array(flag);
  }

  ask(question: Question): Answer {
    this.asked += 1;
    const id = this.asked;
    this.post(id, question);
    for (;;) {
      Atomics.wait(this.flag, 0, 0);
      Atomics.store(this.flag, 0, 0);
      // An answer to an earlier question (answered twice) is dropped; the current one follows.
      for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) {
        const message = received.message as AnswerMessage;
        if (message.id === id) return message.answer;
      }
    }
  }
}
