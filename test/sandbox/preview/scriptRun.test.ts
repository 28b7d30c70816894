import { createScriptRun, NETWORK_FAILURE, type ScriptRunAnswer } from "../../../sandbox/preview/page/scriptRun";
import { decodeWire, encodeWire, type WireValue } from "../../../sandbox/preview/shared/wireValues";
import { usePreview } from "./support/previewClient";

/** `google.script.run` in the preview: the sidebar's side, and the server's. */
jest.setTimeout(60_000);

describe("createScriptRun (the sidebar's google.script.run)", () => {
  interface Sent {
    functionName: string;
    args: WireValue[];
  }

  type Handler = (value: unknown, user: unknown) => void;

  /** The runner as the sidebar calls it: three setters, and any other name is a server function. */
  interface Runner {
    withSuccessHandler(handler: Handler): Runner;
    withFailureHandler(handler: Handler): Runner;
    withUserObject(user: unknown): Runner;
    /** The server functions these tests call. */
    getSidebarState(...args: unknown[]): void;
    startSync(...args: unknown[]): void;
    listGroups(...args: unknown[]): void;
  }

  function recorder(answer: ScriptRunAnswer | Error) {
    const sent: Sent[] = [];
    const run = createScriptRun((functionName, args) => {
      sent.push({ functionName, args });
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    }) as unknown as Runner;
    return { run, sent };
  }

  function outcome(run: Runner, call: (runner: Runner) => void): Promise<[string, unknown, unknown]> {
    return new Promise((resolve) => {
      const runner = run
        .withSuccessHandler((value, user) => resolve(["success", value, user]))
        .withFailureHandler((error, user) => resolve(["failure", error, user]));
      call(runner);
    });
  }

  it("calls any function by name with its arguments as they were, and hands the answer to the success handler", async () => {
    const { run, sent } = recorder({ ok: true, value: encodeWire({ ok: true, value: [1, 2] }) });
    const at = new Date(0);
    const [kind, value] = await outcome(run, (runner) => runner.getSidebarState({ at }, undefined));
    expect(kind).toBe("success");
    expect(value).toEqual({ ok: true, value: [1, 2] });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.functionName).toBe("getSidebarState");
    expect(decodeWire(sent[0]!.args[0])).toEqual({ at });
    expect(sent[0]!.args[1]).toEqual({ t: "undefined" });
  });

  it("gives the failure handler an Error whose message is the script's error, with the user object", async () => {
    const { run } = recorder({ ok: false, message: "Exception: boom" });
    const withUser = run.withUserObject("row 7");
    const [kind, error, user] = await outcome(withUser, (runner) => runner.startSync({}));
    expect(kind).toBe("failure");
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("Exception: boom");
    expect(user).toBe("row 7");
  });

  it("fails with Apps Script's network sentence when the server cannot be reached", async () => {
    const { run } = recorder(new Error("fetch failed"));
    const [kind, error] = await outcome(run, (runner) => runner.listGroups({}));
    expect(kind).toBe("failure");
    expect((error as Error).message).toBe(NETWORK_FAILURE);
  });

  it("keeps each runner's handlers to itself and is not thenable", () => {
    const { run } = recorder({ ok: true });
    const first = run.withSuccessHandler(() => undefined);
    expect(first).not.toBe(run);
    expect((run as { then?: unknown }).then).toBeUndefined();
  });
});

describe("POST /api/script-run", () => {
  const world = usePreview();

  it("runs a sidebar function and returns its answer", async () => {
    const answer = await world().client.scriptRun("getSidebarState", {});
    expect(answer).toMatchObject({ ok: true, value: { ok: true, value: { user: "hr@example.com" } } });
  });

  it("fails a call carrying a Date, as Apps Script does, naming where it is", async () => {
    const answer = await world().client.scriptRun("validateTab", { sheetId: 0, when: new Date() });
    expect(answer).toEqual({
      ok: false,
      message:
        "google.script.run.validateTab: value[0].when is a Date; google.script.run cannot carry Dates (send an ISO string).",
    });
  });

  it("fails a call carrying a function, a private function and a missing one", async () => {
    expect(await world().client.scriptRun("validateTab", () => 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is a function/),
    });
    expect(await world().client.scriptRun("helper_", {})).toMatchObject({
      ok: false,
      message: "helper_ is private: google.script.run cannot call it.",
    });
    expect(await world().client.scriptRun("noSuchFunction", {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Script function not found: noSuchFunction/),
    });
  });

  it("refuses arguments that are not wire values with 400", async () => {
    const response = await fetch(`${world().preview.url}/api/script-run`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ functionName: "listGroups", args: [{ v: 1 }] }),
    });
    expect(response.status).toBe(400);
  });
});
