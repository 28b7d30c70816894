import type { GroupView } from "../../src/shared/bridge";
import type { AddonClient } from "./addon";

/** Vitable's limit on an external reference ID (product.md §5, "Link a tab to a group"). */
const MAX_REFERENCE_ID_LENGTH = 255;
const SUFFIX_ROOM = 10;

/**
 * The group named exactly `name` (the one already linked to the tab when several share the
 * name), or a new one with an external reference ID made from the name.
 */
export function findOrCreateGroup(addon: AddonClient, name: string, sheetId: number): GroupView {
  const { groups } = addon.call("listGroups", {});
  const named = groups.filter((group) => group.name === name);
  const found = named.find((group) => group.linkedTab?.sheetId === sheetId) ?? named[0];
  if (found !== undefined) return found;
  const taken = new Set(groups.map((group) => group.externalReferenceId));
  return addon.call("createGroup", { name, externalReferenceId: externalReferenceIdFor(name, taken) });
}

/** "Acme Tier 1" → "acme-tier-1"; "acme-tier-1-2", "-3", … when another group has it already. */
export function externalReferenceIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, MAX_REFERENCE_ID_LENGTH - SUFFIX_ROOM)
      .replace(/^-+|-+$/g, "") || "group";
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}
