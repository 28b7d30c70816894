import { cellValueCases } from "./cases/cellValues";
import { contextCases } from "./cases/context";
import { serviceCases } from "./cases/services";
import { sheetStructureCases } from "./cases/sheetStructure";
import { timeZoneCases } from "./cases/timeZones";
import type { ConformanceCase } from "./harness";

/** Every conformance case, in the order they run and are reported. */
export const ALL_CASES: readonly ConformanceCase[] = [
  ...timeZoneCases,
  ...cellValueCases,
  ...sheetStructureCases,
  ...serviceCases,
  ...contextCases,
];
