import type { ColumnMappingView, SaveColumnMappingRequest } from "../../src/shared/bridge";
import { AddonError, type AddonClient } from "./addon";
import type { ColumnChoices } from "./arguments";

/** The add-on refused `--map` or `--status` (a header not in the tab, a required column left out, …). */
export class ChoicesRefused extends Error {}

/**
 * Saves `choices` for the tab as the sidebar's Map columns step does: it opens with the choices
 * saved earlier (none after --clear-map), the user changes some, and the whole set is saved.
 * Without choices the add-on is not called at all.
 */
export function applyColumnChoices(addon: AddonClient, sheetId: number, choices: ColumnChoices): void {
  const changes = Object.keys(choices.columns).length + Object.keys(choices.statusValues).length;
  if (!choices.clear && changes === 0) return;
  try {
    const before = addon.call(choices.clear ? "clearColumnMapping" : "getColumnMapping", { sheetId });
    if (changes === 0) return;
    const saved = savedChoices(before);
    addon.call("saveColumnMapping", {
      sheetId,
      columns: { ...saved.columns, ...choices.columns },
      statusValues: { ...saved.statusValues, ...choices.statusValues },
    });
  } catch (error) {
    if (!(error instanceof AddonError)) throw error;
    throw new ChoicesRefused(`The add-on refused the column choices: ${error.message}`, { cause: error });
  }
}

/**
 * The choices the step would show as made: a column chosen for a field (or "none"), and a meaning
 * chosen for a status value. A chosen header that is gone or in doubt is not kept: the step
 * asks for it again.
 */
function savedChoices(view: ColumnMappingView): Omit<SaveColumnMappingRequest, "sheetId"> {
  const columns: SaveColumnMappingRequest["columns"] = {};
  for (const column of view.columns) {
    if (column.chosen && column.problem === null) columns[column.target] = column.header;
  }
  const statusValues: SaveColumnMappingRequest["statusValues"] = {};
  for (const { value, chosen } of view.statusValues) if (chosen !== null) statusValues[value] = chosen;
  return { columns, statusValues };
}
