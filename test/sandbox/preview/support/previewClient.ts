import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPreview, type PreviewOptions, type RunningPreview } from "../../../../sandbox/preview/server";
import type { CellView, PreviewState, QuestionView, VitableView } from "../../../../sandbox/preview/shared/api";
import { columnLetters, columnNumber } from "../../../../sandbox/runtime/spreadsheet/a1";
import { decodeWire, encodeWire, type WireValue } from "../../../../sandbox/preview/shared/wireValues";
import { buildBundle } from "../../../support/buildBundle";

/** The add-on built once per test file: jest cannot import scripts/build.mjs, so it is built in a child process. */
let builtDir: string | undefined;
export function builtAddon(): string {
  builtDir ??= buildBundle().dir;
  return builtDir;
}

export function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "vitable-preview-test-"));
}

/** A fast emulated Vitable: a sync completes well within the add-on's first poll. */
export const TEST_PROCESSING_DELAY_MS = 300;

const WAIT_MS = 30_000;

export type ScriptRunOutcome = { ok: true; value: unknown } | { ok: false; message: string };

/** The preview's HTTP API, as the page uses it. */
export class PreviewClient {
  constructor(readonly url: string) {}

  async get<T>(route: string): Promise<T> {
    const response = await fetch(this.url + route);
    if (!response.ok) throw new Error(`GET ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async send<T>(method: "POST" | "PUT", route: string, body: unknown = {}): Promise<T> {
    const response = await fetch(this.url + route, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  post<T = { ok: boolean; message?: string }>(route: string, body: unknown = {}): Promise<T> {
    return this.send<T>("POST", route, body);
  }

  state(): Promise<PreviewState> {
    return this.get<PreviewState>("/api/state");
  }

  vitable(): Promise<VitableView> {
    return this.get<VitableView>("/api/vitable");
  }

  /** Follows the state (long polls) until `test` holds. */
  async until(test: (state: PreviewState) => boolean, what: string): Promise<PreviewState> {
    const deadline = Date.now() + WAIT_MS;
    let state = await this.state();
    while (!test(state)) {
      if (Date.now() > deadline)
        throw new Error(`Waited in vain for ${what}; the state was ${JSON.stringify(state).slice(0, 2000)}`);
      state = await this.get<PreviewState>(`/api/state?after=${state.version}`);
    }
    return state;
  }

  /** `google.script.run.<functionName>(...args)` as the sidebar sends it; the answer decoded. */
  async scriptRun(functionName: string, ...args: unknown[]): Promise<ScriptRunOutcome> {
    const answer = await this.post<{ ok: true; value?: WireValue } | { ok: false; message: string }>(
      "/api/script-run",
      {
        functionName,
        args: args.map(encodeWire),
      },
    );
    if (!answer.ok) return answer;
    return { ok: true, value: answer.value === undefined ? undefined : decodeWire(answer.value) };
  }

  /** Waits for the script's next question and answers it. */
  async answer(title: RegExp, button: string, text = ""): Promise<QuestionView> {
    const state = await this.until(
      (s) => s.question !== null && title.test(s.question.title),
      `a dialog titled ${title}`,
    );
    const question = state.question!;
    expect(await this.post("/api/dialog", { id: question.id, button, text })).toEqual({ ok: true });
    return question;
  }

  /** Waits until no script runs and no question is open. */
  idle(): Promise<PreviewState> {
    return this.until((s) => s.busy === null && s.question === null, "the script to finish");
  }
}

export interface TestPreview {
  client: PreviewClient;
  preview: RunningPreview;
  dataDir: string;
}

export type PartialPreviewOptions = Partial<PreviewOptions>;

export async function openPreview(options: PartialPreviewOptions = {}): Promise<TestPreview> {
  const dataDir = options.dataDir ?? newDataDir();
  const preview = await startPreview({
    port: 0,
    projectDir: builtAddon(),
    processingDelayMs: TEST_PROCESSING_DELAY_MS,
    ...options,
    dataDir,
  });
  return { client: new PreviewClient(preview.url), preview, dataDir };
}

/** One preview for the tests of a file or describe block, closed and its data removed after them. */
export function usePreview(options: PartialPreviewOptions = {}): () => TestPreview {
  let world: TestPreview | undefined;
  beforeAll(async () => {
    world = await openPreview(options);
  });
  afterAll(async () => {
    await world?.preview.close();
    if (world) removeDir(world.dataDir);
  });
  return () => {
    if (world === undefined) throw new Error("The preview is opened in beforeAll: use it inside a test.");
    return world;
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A cell of the active tab as the page shows it, by its A1 notation. */
export function cellAt(state: PreviewState, a1: string): CellView | null {
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return state.workbook.sheet.rows[Number(row) - 1]?.[columnNumber(letters!) - 1] ?? null;
}

export function textAt(state: PreviewState, a1: string): string {
  return cellAt(state, a1)?.text ?? "";
}

/** The column letter of the header `name` in row 1 of the active tab. */
export function columnOf(state: PreviewState, name: string): string {
  const index = state.workbook.sheet.rows[0]!.findIndex((cell) => cell?.text === name);
  if (index < 0) throw new Error(`No column is headed "${name}".`);
  return columnLetters(index + 1);
}
