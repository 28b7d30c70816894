import { MAX_CELL_CHARACTERS } from "../sandbox/runtime/spreadsheet/cells";

/**
 * The performance targets, each checked against a run and reported as met or with its gap. Pure:
 * bench/report.ts hands in the figures.
 */
export interface TargetCheck {
  target: string;
  met: boolean;
  /** The figures; when missed, by how much. */
  detail: string;
}

export const TARGETS = {
  /** Sheets calls per execution, at every roster size. */
  syncCalls: 20,
  validateCalls: 8,
  previewCalls: 6,
  sidebarCalls: 5,
  /** Characters the sidebar's open or focus reads from the spreadsheet. */
  sidebarReadChars: 20 * 1024,
  /** Cells moved against the fewest a flow could move. */
  cellsOverMinimum: 1.1,
  /** UrlFetch requests of the 50,000-row first sync, in the emulator's default timing. */
  syncUrlFetches: 5,
  /** How long after Vitable completes a sync the add-on may notice it. */
  noticedWithinMs: 2_000,
  /** The add-on's CPU over the 50,000-row first sync, on the machine the benchmark runs on. */
  cpuMs: 1_100,
  /** Largest tab the targets are checked at (larger ones are measured for the payload limit). */
  rows: 50_000,
} as const;

/** The status columns every synced tab carries: status, message, last synced. */
export const STATUS_COLUMNS = 3;

/** Cells holding `chars` characters of records at the most a cell takes. */
export function recordCells(chars: number): number {
  return Math.ceil(chars / MAX_CELL_CHARACTERS);
}

export interface TabShape {
  /** Data rows (the header row not counted). */
  rows: number;
  /** Columns of the tab when the flow reads it, the header row included. */
  columns: number;
  /** Cells marked invalid. */
  invalidCells: number;
}

export interface RecordsTraffic {
  recordsCharsRead: number;
  recordsCharsWritten: number;
}

/**
 * The fewest cells a flow could move, by what it must do: read the tab once (header included);
 * a validation writes each row's status columns once and marks the invalid cells; a sync that
 * Vitable finishes while it waits writes them once, with the outcome (Pending only when it is left
 * pending, invariant 7), reads the reference IDs again before that write (invariant 5) and marks
 * the invalid cells; and each reads and writes the records it needs in cells as full as Sheets
 * allows.
 */
export function physicalMinimumCells(
  flow: "validate" | "preview" | "sync",
  tab: TabShape,
  records: RecordsTraffic,
): number {
  const read = (tab.rows + 1) * tab.columns;
  const recordsCells = recordCells(records.recordsCharsRead) + recordCells(records.recordsCharsWritten);
  const statuses = tab.rows * STATUS_COLUMNS;
  if (flow === "preview") return read + recordsCells;
  if (flow === "validate") return read + statuses + tab.invalidCells + recordsCells;
  return read + tab.rows + statuses + tab.invalidCells + recordsCells;
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "met" detail, or the figure with how far it is over its limit. */
export function atMost(
  target: string,
  measured: number,
  limit: number,
  unit: string,
  digits = 0,
  context = "",
): TargetCheck {
  const met = measured <= limit;
  const gap = met ? "" : `, over by ${fmt(measured - limit, digits)}${unit}`;
  return {
    target,
    met,
    detail: `${fmt(measured, digits)}${unit} (limit ${fmt(limit, digits)}${unit})${gap}${context}`,
  };
}

/** Checks a limit at every size: met when the worst size is within it. */
export function atMostAtEverySize(
  target: string,
  bySize: readonly { rows: number; value: number }[],
  limit: number,
  unit: string,
  digits = 0,
): TargetCheck {
  const worst = bySize.reduce((a, b) => (b.value > a.value ? b : a));
  const values = bySize.map(({ rows, value }) => `${fmt(rows)}: ${fmt(value, digits)}`).join(", ");
  return atMost(target, worst.value, limit, unit, digits, `; by rows ${values}`);
}
