import type { FieldError, Repair } from "./model";

/** The Vitable Message of an invalid row: every problem, in column order. */
export function invalidRowMessage(errors: readonly FieldError[]): string {
  return errors.map((error) => error.message).join(" ");
}

/** The Vitable Message of a ready row: what the add-on changed, if anything. */
export function readyRowMessage(repairs: readonly Repair[]): string {
  return repairs.map((repair) => repair.message).join(" ");
}
