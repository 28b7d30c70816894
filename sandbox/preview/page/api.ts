import type { ActionResult } from "../shared/api";

/** The preview's HTTP API (sandbox/preview/httpApi.ts). */

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`The preview answered ${response.status}.`);
  return (await response.json()) as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return answerOf<T>(await fetch(path));
}

export async function sendJson<T = ActionResult>(method: "POST" | "PUT", path: string, body: unknown): Promise<T> {
  return answerOf<T>(
    await fetch(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

/** Where the page says what went wrong with an action (set by main.ts). */
let report: (message: string) => void = () => undefined;

export function reportProblemsWith(reporter: (message: string) => void): void {
  report = reporter;
}

/** POSTs an action; a refusal or a lost connection is reported, never thrown. */
export async function act(path: string, body: unknown = {}): Promise<boolean> {
  try {
    const result = await sendJson("POST", path, body);
    if (!result.ok) report(result.message);
    return result.ok;
  } catch (error) {
    report(`The preview server could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  }
}
