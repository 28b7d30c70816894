import * as z from "zod/mini";
import { MEMBER_FIELDS, type MemberField } from "../../vitable/memberSchema";

/** Columns that are not sent but decide whether a row is: the include column and employment data. */
export const ROW_FILTER_TARGETS = ["include", "employmentStatus", "terminationDate"] as const;
export type RowFilterTarget = (typeof ROW_FILTER_TARGETS)[number];

/** Everything a roster column can be. */
export const columnTargetSchema = z.enum([...MEMBER_FIELDS, ...ROW_FILTER_TARGETS]);
export type ColumnTarget = MemberField | RowFilterTarget;
export const COLUMN_TARGETS: readonly ColumnTarget[] = columnTargetSchema.options;

/** What an employment status value means for the row: synced, or left out. */
export const statusDecisionSchema = z.enum(["include", "exclude"]);
export type StatusDecision = z.infer<typeof statusDecisionSchema>;

/**
 * The columns a user chose for a tab, saved with its settings. Columns are remembered by their
 * header, not their position, so moving a column keeps the choice and renaming it is noticed.
 */
export const columnMappingSchema = z.object({
  /** Target → the header chosen for it as the user wrote it, or null for "this tab has none". */
  columns: z.partialRecord(columnTargetSchema, z.nullable(z.string())),
  /** Employment status values (as `statusValueKey` writes them) → what they mean, for values the add-on does not know. */
  statusValues: z.record(z.string(), statusDecisionSchema),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const NO_MAPPING: ColumnMapping = { columns: {}, statusValues: {} };
