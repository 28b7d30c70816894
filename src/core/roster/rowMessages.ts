import type { FieldError, Repair } from "./model";

/**
 * The Vitable Message of an invalid row: every problem, in column order, then what the add-on
 * changed, so that the user fixing the row also learns what it will send ("8020" as 08020).
 */
export function invalidRowMessage(errors: readonly FieldError[], repairs: readonly Repair[]): string {
  return [...errors, ...repairs].map((item) => item.message).join(" ");
}

/** The Vitable Message of a ready row: what the add-on changed, if anything. */
export function readyRowMessage(repairs: readonly Repair[]): string {
  return repairs.map((repair) => repair.message).join(" ");
}
