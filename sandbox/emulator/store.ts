import { loadStateFile, saveStateFile } from "./persistence";
import type { EmulatorState } from "./state";

/**
 * Holds the emulator's state and, with a data file, saves it after every request that changed
 * it (routes call `markChanged`, the app calls `saveIfChanged` when a request is over).
 */
export interface EmulatorStore {
  state: EmulatorState;
  markChanged(): void;
  saveIfChanged(): void;
}

/** Loads `dataFile` when it exists, otherwise starts from `seed()` (and saves it at once). */
export function openStore(dataFile: string | undefined, seed: () => EmulatorState): EmulatorStore {
  const loaded = dataFile === undefined ? undefined : loadStateFile(dataFile);
  let changed = loaded === undefined;
  const store: EmulatorStore = {
    state: loaded ?? seed(),
    markChanged() {
      changed = true;
    },
    saveIfChanged() {
      if (!changed) return;
      if (dataFile !== undefined) saveStateFile(dataFile, store.state);
      changed = false;
    },
  };
  store.saveIfChanged();
  return store;
}
