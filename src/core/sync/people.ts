import { listInWords } from "../text/wording";

/** Ways to name people and rows inside the sentences HR staff read. */

export interface NamedPerson {
  referenceId: string;
  name: string;
}

/** "Jane Doe (EMP-001)", or the reference ID alone when the name was never known. */
export function describePerson(person: NamedPerson): string {
  return person.name === "" ? person.referenceId : `${person.name} (${person.referenceId})`;
}

/**
 * "a", "a and b", "a, b and c", or the first `limit` followed by "and N more": a confirmation
 * names the first few people in its sentence and lists everyone separately.
 */
export function listInSentence<T>(items: readonly T[], describe: (item: T) => string, limit = 5): string {
  const shown = items.slice(0, limit).map(describe);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : listInWords(shown);
}
