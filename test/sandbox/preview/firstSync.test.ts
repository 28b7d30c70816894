import { parseView } from "../../../src/shared/confirmDialog";
import { cellAt, columnOf, textAt, usePreview } from "./support/previewClient";

/**
 * The acceptance path of the preview: from the sample workbook, the menu's "Sync to Vitable" asks
 * any question through dialogs the user answers, and the sync completes: statuses written, the
 * log tab added, and the emulated Vitable holding the members.
 */
jest.setTimeout(60_000);

const world = usePreview();

it("opens the sample workbook and builds the add-on's menu with onOpen", async () => {
  const { client } = world();
  const before = await client.state();
  expect(before.workbook.tabs.map((tab) => tab.name)).toEqual(["Roster"]);
  expect(before.workbook.sheet.name).toBe("Roster");
  expect(textAt(before, "A1")).toBe("Employee ID");
  expect(textAt(before, "B2")).toBe("Maria");
  expect(before.sidebar).toBeNull();
  expect(before.schedule).toEqual({ nextRunAt: null, nextRunText: null });

  expect(await client.post("/api/open")).toEqual({ ok: true });
  const opened = await client.state();
  expect(opened.addonMenu).toEqual({
    title: "Vitable Roster Sync",
    entries: [
      ...["Open sidebar", "Sync to Vitable", "Validate this tab", "Schedule syncs…", "Help"].map((caption) => ({
        type: "item",
        caption,
      })),
      { type: "separator" },
      { type: "item", caption: "Remove the add-on's data…" },
    ],
  });
});

it("runs the menu's Sync to Vitable: no question, the add-on having created the group, then the result, statuses and the log", async () => {
  const { client } = world();
  expect(await client.post("/api/menu", { captions: ["Sync to Vitable"] })).toEqual({ ok: true });

  const result = await client.answer(/^Vitable Roster Sync$/, "OK");
  expect(result.prompt).toBe(
    'Vitable finished the sync of "Roster" to Sample Company Staff: 28 added, 4 rows not sent: 4 invalid.',
  );
  const state = await client.idle();
  // The progress toasts of the menu's sync reached the page as the script showed them.
  expect(state.toasts.map((toast) => toast.message)).toContain("Vitable is processing the roster…");

  const status = columnOf(state, "Vitable Status");
  expect(textAt(state, `${status}2`)).toBe("Added");
  expect(textAt(state, `${status}14`)).toBe("Invalid");
  // The invalid DOB is marked by the add-on's conditional-format rule, drawn by the preview.
  expect(cellAt(state, "D14")).toMatchObject({ marked: true, background: "#fce8e6" });
  expect(cellAt(state, "D13")?.marked).toBeUndefined();
  expect(state.workbook.tabs.map((tab) => tab.name)).toEqual(["Roster", "Vitable Sync Log"]);

  const vitable = await client.vitable();
  expect(vitable.groups).toHaveLength(1);
  expect(vitable.groups[0]).toMatchObject({
    name: "Sample Company Staff",
    externalReferenceId: "sample-company-staff",
  });
  expect(vitable.groups[0]!.members).toHaveLength(28);
  expect(vitable.groups[0]!.members[0]).toEqual({ referenceId: "1001", name: "Maria Garcia" });
  expect(vitable.syncRequests).toEqual([
    expect.objectContaining({
      groupName: "Sample Company Staff",
      status: "completed",
      memberCount: 28,
      added: 28,
      removed: 0,
      failures: [],
    }),
  ]);
});

it("shows the log tab when its tab is clicked, and the menu's Sync then acts on it", async () => {
  const { client } = world();
  const before = await client.state();
  const log = before.workbook.tabs.find((tab) => tab.name === "Vitable Sync Log")!;
  expect(await client.post("/api/tab", { sheetId: log.sheetId })).toEqual({ ok: true });
  const state = await client.state();
  expect(state.workbook.sheet.name).toBe("Vitable Sync Log");
  expect(state.workbook.sheet.rows[1]!.some((cell) => cell?.text === "Completed")).toBe(true);

  await client.post("/api/menu", { captions: ["Sync to Vitable"] });
  const refusal = await client.answer(/^Vitable Roster Sync$/, "OK");
  // The sync acted on the active tab, not on Roster, and the log tab is no roster.
  expect(refusal.prompt).toMatch(/^"Vitable Sync Log" is the add-on's log of syncs, not a roster\./);
  const roster = state.workbook.tabs.find((tab) => tab.name === "Roster")!;
  await client.post("/api/tab", { sheetId: roster.sheetId });
});

it("closes a dialog with × as CLOSE, and refuses an answer to a dialog no longer open", async () => {
  const { client } = world();
  await client.post("/api/menu", { captions: ["Help"] });
  const help = await client.answer(/help/, "CLOSE");
  expect(help).toMatchObject({ title: "Vitable Roster Sync: help", buttons: ["OK"] });
  await client.idle();
  expect(await client.post("/api/dialog", { id: help.id, button: "OK" })).toEqual({
    ok: false,
    message: "That dialog was already answered.",
  });
  const history = (await client.state()).toasts.map((toast) => toast.title);
  // Help ended normally: no failure toast.
  expect(history).not.toContain("Help");
});

it("asks for a typed confirmation in the add-on's HTML dialog, whose google.script.run answer reaches the script", async () => {
  const { client } = world();
  const sheetId = (await client.state()).workbook.sheet.sheetId;
  expect(await client.post("/api/rows/delete", { sheetId, first: 2, count: 32 })).toEqual({ ok: true });
  await client.post("/api/menu", { captions: ["Sync to Vitable"] });

  const state = await client.until((s) => s.dialog !== null && s.busy === null, "the confirmation dialog");
  expect(state.dialog).toMatchObject({ title: "Vitable Roster Sync: confirm", width: 520 });
  const response = await fetch(`${client.url}/dialog`);
  const page = await response.text();
  // google.script.run first, then the page the script showed.
  expect(page.indexOf('<script src="/google-script.js"></script>')).toBeLessThan(page.indexOf("confirm-view"));
  const json = /<script type="application\/json" id="confirm-view">([^<]*)<\/script>/.exec(page)?.[1];
  const view = parseView(json ?? "");
  expect(view).toMatchObject({ typedPhrase: "REMOVE EVERYONE", removing: 28 });

  const answer = await client.scriptRun("confirmMenuSync", {
    sheetId: view.sheetId,
    token: view.token,
    typedPhrase: "REMOVE EVERYONE",
  });
  expect(answer).toEqual({ ok: true, value: { state: "done", message: expect.stringMatching(/28 removed/) } });
  expect(await client.post("/api/dialog/close")).toEqual({ ok: true });
  expect((await client.state()).dialog).toBeNull();
  expect((await fetch(`${client.url}/dialog`)).status).toBe(404);
  expect((await client.vitable()).groups[0]!.members).toEqual([]);
});
