const SPACES = /\s+/g;

/**
 * Whether what a person typed is the confirmation phrase: case, surrounding spaces and repeated
 * spaces do not matter; the words do. Its own module, so the sidebar can check as the server does
 * without bundling the guards.
 */
export function matchesTypedPhrase(phrase: string, typed: string): boolean {
  return typed.trim().replace(SPACES, " ").toUpperCase() === phrase.toUpperCase();
}
