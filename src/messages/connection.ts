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

/** The server's refusal of a key shared with every editor without the sidebar's acknowledgement. */
export const SHARED_KEY_RISK_NOT_ACCEPTED =
  "The key was not saved: a key for everyone who edits this spreadsheet lets each of them sync any group of your organization. Tick the box that says you understand this, then choose Connect again.";
