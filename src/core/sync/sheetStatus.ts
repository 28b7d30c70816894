/** The values of the Vitable Status column (product.md §3), in the order a row moves through them. */
export const SHEET_STATUSES = ["Ready", "Invalid", "Excluded", "Pending", "Added", "Synced", "Failed"] as const;

export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** The statuses a completed sync gives to the rows it sent. */
export type SyncedStatus = Extract<SheetStatus, "Added" | "Synced" | "Failed">;
