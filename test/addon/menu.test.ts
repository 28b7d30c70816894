import { personRow, ROSTER_HEADER, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
}, STARTUP_TIMEOUT_MS);
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const CAPTIONS = ["Open sidebar", "Sync to Vitable", "Validate this tab", "Schedule syncs…", "Help"];

describe("the add-on menu", () => {
  it("is built under Extensions in AuthMode.NONE, with every item calling an entry point", () => {
    const world = new World(sandbox);
    const report = world.runtime.open(world.spreadsheet.id, "NONE");
    expect(report.error).toBeNull();
    const menu = world.runtime.ui.addonMenu();
    expect(menu?.addon).toBe(true);
    const items = menu?.entries.flatMap((entry) => (entry.type === "item" ? [entry] : [])) ?? [];
    expect(items.map((item) => item.caption)).toEqual(CAPTIONS);
    expect(report.counts.urlFetches).toBe(0);
  });

  it("appears at once when the add-on is installed", () => {
    const world = new World(sandbox);
    expect(world.runtime.install(world.spreadsheet.id).error).toBeNull();
    expect(world.runtime.ui.addonMenu()?.entries).toHaveLength(CAPTIONS.length);
  });

  it("opens the sidebar built from dist/Sidebar.html", () => {
    const world = new World(sandbox);
    world.runtime.open(world.spreadsheet.id);
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Open sidebar");
    expect(report.error).toBeNull();
    expect(world.runtime.ui.sidebar?.title).toBe("Vitable Roster Sync");
    expect(world.runtime.ui.sidebar?.content).toContain("<script");
  });

  it("validates the active tab and sums it up in an alert naming the problem rows", () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2, { ZIP: "ABCDE" })]);
    world.connect();
    world.runtime.open(world.spreadsheet.id);
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Validate this tab");
    expect(report.error).toBeNull();
    const alert = world.runtime.ui.shown.find((event) => event.type === "alert");
    expect(alert && "prompt" in alert ? alert.prompt : "").toMatch(/1 ready, 1 invalid[\s\S]*Row 3: ZIP/);
    expect(world.statuses().get(3)?.status).toBe("Invalid");
  });

  it("syncs the active tab from the menu after a Yes to the first-sync question, with toasts and a final alert", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
    await world.linkGroupCreatedElsewhere();
    world.runtime.open(world.spreadsheet.id);
    world.runtime.ui.answerNext("YES");
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Sync to Vitable");
    expect(report.error).toBeNull();
    expect(world.runtime.ui.pendingAnswers()).toBe(0);
    expect(world.runtime.ui.toasts().length).toBeGreaterThan(0);
    const alerts = world.runtime.ui.shown.filter((event) => event.type === "alert");
    expect(alerts.at(-1) && "prompt" in alerts.at(-1)! ? alerts.at(-1)!.prompt : "").toMatch(/2 added/);
    expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Added", "Added"]);
  });
});
