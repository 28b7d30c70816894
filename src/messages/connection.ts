/** Sentences about connecting the add-on to Vitable with an API key. */

/** Vitable's environments, as people call them. */
export const ENVIRONMENT_NAMES = { production: "Production", uat: "Test environment (UAT)" } as const;

/** `prefix` is how every Vitable API key starts. */
export function notAnApiKey(prefix: string): string {
  return `That does not look like a Vitable API key: keys start with ${prefix}. Copy the whole key from Vitable and paste it again.`;
}

export function apiKeyRejected(environment: string): string {
  return `Vitable rejected this API key. Check that you copied all of it and that it is a key for the environment you picked: ${environment}.`;
}
