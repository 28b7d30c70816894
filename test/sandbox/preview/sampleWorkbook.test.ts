import { readFileSync } from "node:fs";
import { parseCsv } from "../../../sandbox/cli/csv";
import { ROSTER_HEADER } from "../../addon/support/addonSandbox";
import { SAMPLE_ROSTER_CSV } from "../../../sandbox/preview/worker/sampleWorkbook";
import { cellAt, columnOf, textAt, usePreview } from "./support/previewClient";

/**
 * The sample a newcomer starts from: about 30 realistic people, with the mistakes HR makes,
 * typed into the Roster tab as Sheets parses typed input.
 */
jest.setTimeout(60_000);

const rows = parseCsv(readFileSync(SAMPLE_ROSTER_CSV, "utf8"));
const [header, ...people] = rows;
/** The emulator's seeded plans (sandbox/emulator/README.md). */
const PLAN_NAMES = ["Basic Care", "Care Plus", "Family Care"];

describe("the sample roster file", () => {
  it("has the roster's columns and about thirty people with the emulator's plans", () => {
    expect(header).toEqual(ROSTER_HEADER);
    expect(people.length).toBeGreaterThanOrEqual(28);
    expect(people.length).toBeLessThanOrEqual(35);
    expect(new Set(people.map((person) => person[7])).size).toBe(people.length);
    for (const person of people) expect(PLAN_NAMES).toContain(person[6]);
  });

  it("holds each typical mistake once, as a person would type it", () => {
    const column = (name: string) => header!.indexOf(name);
    const values = (name: string) => people.map((person) => person[column(name)]!);
    expect(values("ZIP").filter((zip) => zip.startsWith("0"))).toEqual(["02139"]);
    expect(values("DOB").filter((dob) => /^\d{2}\/\d{2}\/\d{4}$/.test(dob) && Number(dob.slice(0, 2)) > 12)).toEqual([
      "14/03/1989",
    ]);
    expect(values("Phone").filter((phone) => /ext/i.test(phone))).toEqual(["(612) 555-0115 ext. 204"]);
    const ids = values("Employee ID");
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual(["1017"]);
    expect(values("State").filter((state) => state.length > 2)).toEqual(["Pennsylvania"]);
  });
});

describe("the sample workbook in the preview", () => {
  const world = usePreview();

  it("shows the rows as Sheets stored the typed text: the ZIP lost its zero, the day-first DOB stayed text", async () => {
    const state = await world().client.state();
    expect(state.workbook.sheet.frozenRows).toBe(1);
    expect(cellAt(state, "A1")).toEqual({ text: "Employee ID", bold: true });
    expect(cellAt(state, "K5")).toEqual({ text: "2139", align: "right" });
    expect(cellAt(state, "D14")).toEqual({ text: "14/03/1989" });
    expect(cellAt(state, "D2")).toEqual({ text: "4/12/1986", align: "right" });
    expect(textAt(state, "A33")).toBe("1032");
  });

  it("validates as the add-on reads it: repairs with a note, and four invalid rows", async () => {
    const sheetId = (await world().client.state()).workbook.sheet.sheetId;
    const answer = await world().client.scriptRun("validateTab", { sheetId });
    expect(answer).toMatchObject({
      ok: true,
      value: { ok: true, value: { summary: { ready: 28, invalid: 4, duplicates: 2 }, problemCount: 4 } },
    });
    const state = await world().client.state();
    const status = columnOf(state, "Vitable Status");
    const message = columnOf(state, "Vitable Message");
    const statuses = Object.fromEntries([5, 14, 16, 18, 21, 23].map((row) => [row, textAt(state, `${status}${row}`)]));
    expect(statuses).toEqual({ 5: "Ready", 14: "Invalid", 16: "Invalid", 18: "Invalid", 21: "Ready", 23: "Invalid" });
    expect(textAt(state, `${message}5`)).toMatch(/ZIP 2139 was read as 02139/);
    expect(textAt(state, `${message}21`)).toMatch(/"Pennsylvania" was read as PA/);
    expect(textAt(state, `${message}14`)).toMatch(
      /DOB "14\/03\/1989" looks day-first; type the month first: 03\/14\/1989/,
    );
    expect(textAt(state, `${message}16`)).toMatch(/extension/);
    expect(textAt(state, `${message}18`)).toMatch(/1017 is also used on row 23/);
  });
});
