import { get as httpGet } from "node:http";
import { startPreview, PortInUseError } from "../../../sandbox/preview/server";
import type { PreviewState, VitableView } from "../../../sandbox/preview/shared/api";
import {
  builtAddon,
  cellAt,
  newDataDir,
  openPreview,
  removeDir,
  textAt,
  TEST_PROCESSING_DELAY_MS,
  type TestPreview,
} from "./support/previewClient";

/** The preview's HTTP API: the page, the sidebar, the spreadsheet edits, the schedule and Vitable's switches. */
jest.setTimeout(60_000);

let world: TestPreview;

beforeAll(async () => {
  world = await openPreview();
  await world.client.post("/api/open");
});

afterAll(async () => {
  await world.preview.close();
  removeDir(world.dataDir);
});

function roster(state: PreviewState): number {
  return state.workbook.tabs.find((tab) => tab.name === "Roster")!.sheetId;
}

describe("the page", () => {
  it("serves the page, its script and styles, bundled from page/", async () => {
    const html = await (await fetch(world.preview.url)).text();
    expect(html).toContain('<script src="/app.js"></script>');
    const script = await fetch(`${world.preview.url}/app.js`);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).toContain("/api/state?after=");
    expect(await (await fetch(`${world.preview.url}/app.css`)).text()).toContain(".grid");
    expect(await (await fetch(`${world.preview.url}/google-script.js`)).text()).toContain("/api/script-run");
  });

  it("answers a state request with `after` once the state has changed", async () => {
    const { client } = world;
    const before = await client.state();
    const waiting = client.get<PreviewState>(`/api/state?after=${before.version}`);
    await client.post("/api/select", { sheetId: roster(before), row: 3, column: 2, numRows: 1, numColumns: 1 });
    const after = await waiting;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.workbook.selection).toEqual({ row: 3, column: 2, numRows: 1, numColumns: 1 });
  });

  it("refuses a malformed request with 400 and a sentence", async () => {
    const response = await fetch(`${world.preview.url}/api/cell`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"sheetId": "x"}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/sheetId/);
  });

  it("answers only this machine: another Host (DNS rebinding), another site's page or a non-JSON body is refused", async () => {
    // fetch() sets Host itself, so the rebound request is made with node:http.
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${world.preview.url}/api/state`);
      httpGet(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { Host: "rebind.evil.example" } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      ).on("error", reject);
    });
    expect(rebound).toBe(421);
    const crossSite = await fetch(`${world.preview.url}/api/cell`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(crossSite.status).toBe(403);
    const formPost = await fetch(`${world.preview.url}/api/cell`, { method: "POST", body: "sheetId=1" });
    expect(formPost.status).toBe(415);
  });
});

describe("the sidebar", () => {
  it("serves what the script showed, with google.script.run loaded before the sidebar's own script", async () => {
    const { client } = world;
    await client.post("/api/menu", { captions: ["Open sidebar"] });
    const state = await client.until((s) => s.sidebar !== null, "the sidebar");
    expect(state.sidebar).toEqual({ title: "Vitable Roster Sync", version: 1 });
    const html = await (await fetch(`${world.preview.url}/sidebar`)).text();
    const shim = html.indexOf('<script src="/google-script.js"></script>');
    expect(shim).toBeGreaterThan(html.indexOf("<head>"));
    expect(shim).toBeLessThan(html.indexOf("<body><script>"));

    expect(await client.post("/api/sidebar/close")).toEqual({ ok: true });
    expect((await client.state()).sidebar).toBeNull();
    expect((await fetch(`${world.preview.url}/sidebar`)).status).toBe(404);
  });

  it("gives the sidebar a new version each time the script shows it", async () => {
    const { client } = world;
    await client.post("/api/menu", { captions: ["Open sidebar"] });
    await client.until((s) => s.sidebar?.version === 2, "the sidebar shown again");
    await client.post("/api/sidebar/close");
  });
});

describe("editing the spreadsheet", () => {
  it("enters typed text the way Sheets parses it", async () => {
    const { client } = world;
    const sheetId = roster(await client.state());
    // K is ZIP: a typed 02134 loses its leading zero, an apostrophe keeps it as text.
    expect(await client.post("/api/cell", { sheetId, row: 3, column: 11, text: "02134" })).toEqual({ ok: true });
    expect(await client.post("/api/cell", { sheetId, row: 4, column: 11, text: "'02134" })).toEqual({ ok: true });
    await client.post("/api/cell", { sheetId, row: 5, column: 4, text: "1990-03-04" });
    const state = await client.state();
    expect(cellAt(state, "K3")).toEqual({ text: "2134", align: "right" });
    expect(cellAt(state, "K4")).toEqual({ text: "02134" });
    // A date typed into a date cell keeps the cell's format.
    expect(cellAt(state, "D5")).toEqual({ text: "3/4/1990", align: "right" });
  });

  it("inserts an empty row below a row and deletes selected rows", async () => {
    const { client } = world;
    const sheetId = roster(await client.state());
    expect(await client.post("/api/rows/insert", { sheetId, after: 2 })).toEqual({ ok: true });
    let state = await client.state();
    expect(textAt(state, "B3")).toBe("");
    expect(textAt(state, "B4")).toBe("James");
    expect(state.workbook.sheet.maxRows).toBe(1001);

    expect(await client.post("/api/rows/delete", { sheetId, first: 3, count: 2 })).toEqual({ ok: true });
    state = await client.state();
    expect(textAt(state, "B3")).toBe("Aisha");
    expect(await client.post("/api/rows/delete", { sheetId, first: 1, count: 999 })).toEqual({
      ok: false,
      message: expect.stringMatching(/delete all/i),
    });
  });

  it("clears the contents of a selection and keeps its formatting", async () => {
    const { client } = world;
    const sheetId = roster(await client.state());
    expect(await client.post("/api/clear", { sheetId, row: 1, column: 1, numRows: 1, numColumns: 2 })).toEqual({
      ok: true,
    });
    const state = await client.state();
    expect(cellAt(state, "A1")).toEqual({ text: "", bold: true });
    expect(textAt(state, "C1")).toBe("Last Name");
    await client.post("/api/cell", { sheetId, row: 1, column: 1, text: "Employee ID" });
    await client.post("/api/cell", { sheetId, row: 1, column: 2, text: "First Name" });
  });

  it("imports a CSV into a new tab named after the file, which becomes the active one", async () => {
    const { client } = world;
    const text = "Employee ID,ZIP,Hired\n2001,02139,3/4/2024\n";
    expect(await client.post("/api/import", { fileName: "new hires.csv", text })).toEqual({ ok: true });
    expect(await client.post("/api/import", { fileName: "new hires.csv", text })).toEqual({ ok: true });
    const state = await client.state();
    expect(state.workbook.tabs.map((tab) => tab.name)).toEqual(["Roster", "new hires", "new hires 2"]);
    expect(state.workbook.sheet.name).toBe("new hires 2");
    expect(cellAt(state, "B2")).toEqual({ text: "2139", align: "right" });
    expect(cellAt(state, "C2")).toEqual({ text: "3/4/2024", align: "right" });

    expect(await client.post("/api/import", { fileName: "bad.csv", text: 'a,"b\n' })).toEqual({
      ok: false,
      message: expect.stringMatching(/no closing quote/),
    });
    await client.post("/api/tab", { sheetId: roster(state) });
  });
});

describe("the schedule", () => {
  it("says when no scheduled sync is set up, and running it now says how to set one up", async () => {
    const { client } = world;
    expect((await client.state()).schedule.nextRunText).toBeNull();
    expect(await client.post("/api/schedule/run")).toEqual({ ok: true });
    const state = await client.until(
      (s) => s.toasts.some((toast) => toast.title === "Run scheduled sync now"),
      "the toast saying there is no schedule",
    );
    expect(state.toasts.at(-1)?.message).toMatch(/No scheduled sync is set up/);
  });

  it("shows the next run of a schedule set in the sidebar, and runs it now", async () => {
    const { client } = world;
    const set = await client.scriptRun("setSchedule", {
      frequency: { kind: "hours", every: 1 },
      emailOnProblem: false,
    });
    expect(set).toMatchObject({ ok: true, value: { ok: true, value: { description: "Every hour" } } });
    const state = await client.state();
    expect(state.schedule.nextRunAt).toBeGreaterThan(Date.now());
    expect(state.schedule.nextRunText).toMatch(/^\w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} (AM|PM) E[SD]T$/);

    await client.post("/api/schedule/run");
    const ran = await client.until(
      (s) => s.busy === null && s.workbook.tabs.some((tab) => tab.name === "Vitable Sync Log"),
      "the scheduled sync's log entry",
    );
    expect(ran.schedule.nextRunAt).not.toBeNull();
  });
});

describe("the emulated Vitable", () => {
  it("lists the sample's group, linked and empty before the first sync", async () => {
    const vitable = await world.client.vitable();
    expect(vitable.groups.map((group) => group.name)).toEqual(["Sample Company Staff"]);
    expect(vitable.switches).toEqual({ rateLimit: false, outage: false, slowProcessing: false });
  });

  it("switches a rate limit on and off: the add-on's calls fail with Vitable's busy sentence meanwhile", async () => {
    const { client } = world;
    const on = await client.send<{ switches: object }>("PUT", "/api/vitable/switches", { rateLimit: true });
    expect(on.switches).toEqual({ rateLimit: true, outage: false, slowProcessing: false });
    const refused = await client.scriptRun("listGroups", {});
    expect(refused).toEqual({
      ok: true,
      value: { ok: false, message: expect.stringMatching(/^Vitable is receiving too many requests right now/) },
    });

    const off = await client.send<{ switches: object }>("PUT", "/api/vitable/switches", { rateLimit: false });
    expect(off.switches).toEqual({ rateLimit: false, outage: false, slowProcessing: false });
    expect(await client.scriptRun("listGroups", {})).toMatchObject({ ok: true, value: { ok: true } });
  });

  it("switches an outage on and off, and slow processing to a minute and back", async () => {
    const { client } = world;
    await client.send("PUT", "/api/vitable/switches", { outage: true, slowProcessing: true });
    const during = await client.vitable();
    expect(during.switches).toEqual({ rateLimit: false, outage: true, slowProcessing: true });
    expect(during.processingDelayMs).toBe(60_000);
    const refused = await client.scriptRun("listGroups", {});
    expect(refused).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/Vitable/) } });

    const after = await client.send<VitableView>("PUT", "/api/vitable/switches", {
      outage: false,
      slowProcessing: false,
    });
    expect(after.switches).toEqual({ rateLimit: false, outage: false, slowProcessing: false });
    expect(after.processingDelayMs).toBe(TEST_PROCESSING_DELAY_MS);
  });
});

it("refuses to start on a port already taken, saying what to do", async () => {
  const dataDir = newDataDir();
  const port = Number(new URL(world.preview.url).port);
  await expect(startPreview({ port, dataDir, projectDir: builtAddon() })).rejects.toThrow(PortInUseError);
  await expect(startPreview({ port, dataDir, projectDir: builtAddon() })).rejects.toThrow(
    `Port ${port} is already in use, perhaps by a preview that is still running. Stop that one (Ctrl-C in its terminal), or choose another port: npm start -- --port ${port + 1}`,
  );
  removeDir(dataDir);
});
