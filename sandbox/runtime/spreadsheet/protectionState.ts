import { enumMember } from "../appsEnum";
import type { GridArea } from "./area";
import { PROTECTION_TYPE, type ProtectionTypeName } from "./enums";

/** A protected sheet or range, as the spreadsheet keeps it. */
export interface ProtectionState {
  type: ProtectionTypeName;
  /** The protected cells of a RANGE protection; null for a SHEET protection. */
  area: GridArea | null;
  description: string;
  /** Anyone may edit after a warning; scripts are never stopped by it. */
  warningOnly: boolean;
  /** Who may edit; the spreadsheet's owner always may, listed or not. */
  editors: string[];
  /** Whether everyone in the owner's domain may edit. */
  domainEdit: boolean;
}

/**
 * A new protection. Until a script changes its editors, a protection mirrors who can edit the
 * spreadsheet: here the owner and the user who protects.
 */
export function newProtection(
  type: ProtectionTypeName,
  area: GridArea | null,
  owner: string,
  user: string,
): ProtectionState {
  const editors = sameEmail(owner, user) ? [owner] : [owner, user];
  return { type, area, description: "", warningOnly: false, editors, domainEdit: false };
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Whether `email` may edit what the protection covers. */
export function mayEdit(protection: ProtectionState, owner: string, email: string): boolean {
  return (
    protection.warningOnly ||
    protection.domainEdit ||
    sameEmail(owner, email) ||
    protection.editors.some((editor) => sameEmail(editor, email))
  );
}

/** The protection type a script passed (`SpreadsheetApp.ProtectionType.SHEET`), or null. */
export function protectionTypeOf(value: unknown): ProtectionTypeName | null {
  return enumMember(PROTECTION_TYPE, value);
}
