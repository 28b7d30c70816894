import { Hono, type Context } from "hono";
import * as z from "zod";
import { describeIssues } from "../emulator/controlSchemas";
import { GOOGLE_SCRIPT_PATH, SCRIPT_PATH, STYLES_PATH, withGoogleScript, type PageAssets } from "./pageAssets";
import type { RuntimeHost } from "./runtimeHost";
import type { ActionResult, PreviewState } from "./shared/api";
import { decodeWire, WireError, type WireValue } from "./shared/wireValues";
import type { VitablePanel } from "./vitablePanel";
import type { WorkerOperation } from "./worker/protocol";
import { loopbackOnly } from "../http/loopbackOnly";

/** Everything the routes use, once the preview has started. */
export interface PreviewServices {
  host: RuntimeHost;
  vitable: VitablePanel;
  assets: PageAssets;
}

/** How long `GET /api/state?after=N` waits for a change before answering with the same state. */
const LONG_POLL_MS = 25_000;

const sheetId = z.int();
const positive = z.int().min(1);
const bodies = {
  menu: z.object({ captions: z.array(z.string()).min(1) }),
  scriptRun: z.object({ functionName: z.string().min(1), args: z.array(z.unknown()) }),
  dialog: z.object({
    id: z.int(),
    button: z.enum(["OK", "CANCEL", "YES", "NO", "CLOSE"]),
    text: z.string().default(""),
  }),
  tab: z.object({ sheetId }),
  /** A selection, or the cells to clear. */
  select: z.object({ sheetId, row: positive, column: positive, numRows: positive, numColumns: positive }),
  cell: z.object({ sheetId, row: positive, column: positive, text: z.string() }),
  insertRow: z.object({ sheetId, after: z.int().min(0) }),
  deleteRows: z.object({ sheetId, first: positive, count: positive }),
  importCsv: z.object({ fileName: z.string(), text: z.string() }),
  switches: z.object({ rateLimit: z.boolean(), outage: z.boolean(), slowProcessing: z.boolean() }).partial(),
};

class BadRequest extends Error {}

async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new BadRequest("The request body must be JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BadRequest(describeIssues(parsed.error));
  return parsed.data;
}

function stateOf(host: RuntimeHost): PreviewState {
  const { workbook, addonMenu, sidebar, dialog, schedule } = host.view;
  return {
    version: host.version,
    now: Date.now(),
    busy: host.busy,
    failure: host.failure,
    workbook,
    addonMenu,
    sidebar: sidebar === null ? null : { title: sidebar.title, version: sidebar.version },
    dialog:
      dialog === null
        ? null
        : { title: dialog.title, width: dialog.width, height: dialog.height, version: dialog.version },
    question: host.question,
    toasts: host.toasts,
    schedule,
  };
}

/**
 * The preview's HTTP API (README.md lists it). Actions answer 200 with `{ok: true}` or, when the
 * spreadsheet refuses, `{ok: false, message}`, so the page never meets an error status in normal
 * use; 400 is for a request the page would never send.
 */
export function previewRoutes(services: () => Promise<PreviewServices>): Hono {
  const app = new Hono();
  app.use("*", loopbackOnly());

  /** Runs an operation in the background (a script may run for minutes); a failure shows as a toast. */
  function inBackground(host: RuntimeHost, title: string, operation: WorkerOperation): ActionResult {
    void host.perform(operation).then((result) => {
      if (!result.ok) host.addToast(title, result.message);
    });
    return { ok: true };
  }

  async function perform(host: RuntimeHost, operation: WorkerOperation): Promise<ActionResult> {
    const result = await host.perform(operation);
    return result.ok ? { ok: true } : result;
  }

  app.onError((error, c) => {
    if (error instanceof BadRequest) return c.json({ ok: false, message: error.message }, 400);
    return c.json({ ok: false, message: `The preview failed: ${error.message}` }, 500);
  });

  app.get("/", async (c) => c.html((await services()).assets.html));
  app.get(SCRIPT_PATH, async (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body((await services()).assets.script);
  });
  app.get(GOOGLE_SCRIPT_PATH, async (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body((await services()).assets.googleScript);
  });
  app.get(STYLES_PATH, async (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body((await services()).assets.styles);
  });

  /** The sidebar the script showed, with google.script.run. */
  app.get("/sidebar", async (c) => {
    const { sidebar } = (await services()).host.view;
    if (sidebar === null) return c.text("The sidebar is closed.", 404);
    return c.html(withGoogleScript(sidebar.content));
  });

  /** The dialog the script showed, with google.script.run. */
  app.get("/dialog", async (c) => {
    const { dialog } = (await services()).host.view;
    if (dialog === null) return c.text("No dialog is open.", 404);
    return c.html(withGoogleScript(dialog.content));
  });

  app.get("/api/state", async (c) => {
    const { host } = await services();
    const after = Number(c.req.query("after"));
    if (Number.isInteger(after)) await host.waitForChange(after, LONG_POLL_MS);
    return c.json(stateOf(host));
  });

  /** The page loaded: the spreadsheet opens and onOpen builds the menu. */
  app.post("/api/open", async (c) => {
    const { host } = await services();
    const result = await host.perform({ op: "open" });
    if (!result.ok) host.addToast("onOpen", result.message);
    return c.json<ActionResult>(result.ok ? { ok: true } : result);
  });

  app.post("/api/menu", async (c) => {
    const { host } = await services();
    const { captions } = await readBody(c, bodies.menu);
    return c.json(inBackground(host, captions.join(" ▸ "), { op: "menu", captions }));
  });

  app.post("/api/script-run", async (c) => {
    const { host } = await services();
    const { functionName, args } = await readBody(c, bodies.scriptRun);
    try {
      for (const arg of args) decodeWire(arg);
    } catch (error) {
      if (error instanceof WireError) throw new BadRequest(`The arguments are not wire values: ${error.message}`);
      throw error;
    }
    return c.json(await host.perform({ op: "scriptRun", functionName, args: args as WireValue[] }));
  });

  app.post("/api/dialog", async (c) => {
    const { host } = await services();
    const { id, button, text } = await readBody(c, bodies.dialog);
    return c.json(host.answer(id, button, text));
  });

  app.post("/api/tab", async (c) => {
    const { host } = await services();
    const { sheetId } = await readBody(c, bodies.tab);
    return c.json(await perform(host, { op: "selectTab", sheetId }));
  });

  app.post("/api/select", async (c) => {
    const { host } = await services();
    const { sheetId, ...area } = await readBody(c, bodies.select);
    return c.json(await perform(host, { op: "select", sheetId, area }));
  });

  app.post("/api/cell", async (c) => {
    const { host } = await services();
    const body = await readBody(c, bodies.cell);
    return c.json(await perform(host, { op: "edit", ...body }));
  });

  app.post("/api/clear", async (c) => {
    const { host } = await services();
    const { sheetId, ...area } = await readBody(c, bodies.select);
    return c.json(await perform(host, { op: "clear", sheetId, area }));
  });

  app.post("/api/rows/insert", async (c) => {
    const { host } = await services();
    const body = await readBody(c, bodies.insertRow);
    return c.json(await perform(host, { op: "insertRow", ...body }));
  });

  app.post("/api/rows/delete", async (c) => {
    const { host } = await services();
    const body = await readBody(c, bodies.deleteRows);
    return c.json(await perform(host, { op: "deleteRows", ...body }));
  });

  app.post("/api/import", async (c) => {
    const { host } = await services();
    const body = await readBody(c, bodies.importCsv);
    return c.json(await perform(host, { op: "importCsv", ...body }));
  });

  app.post("/api/sidebar/close", async (c) => {
    const { host } = await services();
    return c.json(await perform(host, { op: "closeSidebar" }));
  });

  app.post("/api/dialog/close", async (c) => {
    const { host } = await services();
    return c.json(await perform(host, { op: "closeDialog" }));
  });

  app.post("/api/schedule/run", async (c) => {
    const { host } = await services();
    return c.json(inBackground(host, "Run scheduled sync now", { op: "runSchedule" }));
  });

  app.get("/api/vitable", async (c) => c.json(await (await services()).vitable.view()));

  app.put("/api/vitable/switches", async (c) => {
    const { vitable } = await services();
    const changes = await readBody(c, bodies.switches);
    return c.json(await vitable.setSwitches(changes));
  });

  return app;
}
