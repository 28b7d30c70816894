import { MemoryRecords } from "../../../bench/memoryContext";
import { DEFAULT_TAB_SETTINGS, tabSettingsOf } from "../../../src/core/state/tabLink";

describe("tabSettingsOf", () => {
  it("reads a removal limit edited past its bounds in the records as the default limit", () => {
    const records = new MemoryRecords();
    records.set("settings:7", JSON.stringify({ brake: { minimum: 1_000_000_000, percent: 10 }, headerRow: 1 }));
    expect(tabSettingsOf(records, 7)).toEqual(DEFAULT_TAB_SETTINGS);
  });

  it("keeps a limit within its bounds", () => {
    const records = new MemoryRecords();
    const settings = { brake: { minimum: 1_000, percent: 50 }, headerRow: 2 };
    records.set("settings:7", JSON.stringify(settings));
    expect(tabSettingsOf(records, 7)).toEqual(settings);
  });
});
