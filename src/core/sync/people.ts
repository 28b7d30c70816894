/** Ways to name people and rows inside the sentences HR staff read. */

export interface NamedPerson {
  referenceId: string;
  name: string;
}

/** "Jane Doe (EMP-001)", or the reference ID alone when the name was never known. */
export function describePerson(person: NamedPerson): string {
  return person.name === "" ? person.referenceId : `${person.name} (${person.referenceId})`;
}

/** "1 person", "3 people". */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * "a", "a and b", "a, b and c", or the first `limit` followed by "and N more": a confirmation
 * names the first few people in its sentence and lists everyone separately.
 */
export function listInSentence<T>(items: readonly T[], describe: (item: T) => string, limit = 5): string {
  const shown = items.slice(0, limit).map(describe);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
