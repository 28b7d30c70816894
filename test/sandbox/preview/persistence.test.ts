import { existsSync } from "node:fs";
import path from "node:path";
import type { PartialPreviewOptions } from "./support/previewClient";
import { openPreview as open, removeDir, textAt, newDataDir, type TestPreview } from "./support/previewClient";

/** What the preview keeps in its data folder between runs, and `reset`, which starts over. */
jest.setTimeout(60_000);

const dataDir = newDataDir();
const running: TestPreview[] = [];

/** Opens a preview that is closed after the test, whatever happens. */
async function openPreview(options: PartialPreviewOptions): Promise<TestPreview> {
  const preview = await open(options);
  running.push(preview);
  return preview;
}

afterEach(async () => {
  for (const { preview } of running.splice(0)) await preview.close();
});

afterAll(() => removeDir(dataDir));

it("keeps the spreadsheet and the emulated Vitable across a restart, and forgets both on reset", async () => {
  const first = await openPreview({ dataDir });
  const original = await first.client.state();
  const sheetId = original.workbook.sheet.sheetId;
  await first.client.post("/api/cell", { sheetId, row: 2, column: 2, text: "Mariana" });
  await first.client.send("PUT", "/api/vitable/switches", { slowProcessing: true });
  await first.client.post("/api/open");
  await first.client.post("/api/menu", { captions: ["Open sidebar"] });
  await first.client.until((state) => state.sidebar !== null, "the sidebar");
  await first.preview.close();
  expect(existsSync(path.join(dataDir, "spreadsheet.json"))).toBe(true);
  expect(existsSync(path.join(dataDir, "vitable.json"))).toBe(true);

  const second = await openPreview({ dataDir });
  const again = await second.client.state();
  expect(again.workbook.spreadsheetId).toBe(original.workbook.spreadsheetId);
  expect(textAt(again, "B2")).toBe("Mariana");
  expect(again.sidebar).toMatchObject({ title: "Vitable Roster Sync" });
  const vitable = await second.client.vitable();
  expect(vitable.switches.slowProcessing).toBe(true);
  expect(vitable.groups.map((group) => group.name)).toEqual(["Sample Company Staff"]);
  // Still connected and linked: the saved key and link came back with the spreadsheet.
  const sidebar = await second.client.scriptRun("getSidebarState", {});
  expect(sidebar).toMatchObject({
    ok: true,
    value: {
      ok: true,
      value: { connection: { environment: "uat" }, tab: { link: { groupName: "Sample Company Staff" } } },
    },
  });
  await second.preview.close();

  const reset = await openPreview({ dataDir, reset: true });
  const fresh = await reset.client.state();
  expect(fresh.workbook.spreadsheetId).not.toBe(again.workbook.spreadsheetId);
  expect(textAt(fresh, "B2")).toBe("Maria");
  expect(fresh.sidebar).toBeNull();
  expect((await reset.client.vitable()).switches.slowProcessing).toBe(false);
  await reset.preview.close();
});

it("starts a workbook-only preview with the sample roster, no key and no group", async () => {
  const dir = newDataDir();
  const { client } = await openPreview({ dataDir: dir, seed: "workbook-only" });
  expect(textAt(await client.state(), "B2")).toBe("Maria");
  expect(await client.scriptRun("getSidebarState", {})).toMatchObject({
    ok: true,
    value: { ok: true, value: { connection: null, tab: { link: null } } },
  });
  expect((await client.vitable()).groups).toEqual([]);
  removeDir(dir);
});
