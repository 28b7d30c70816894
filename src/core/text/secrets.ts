/** What the sidebar may see of an API key: its last 4 characters (product.md invariant 9). */
export function maskApiKey(apiKey: string): string {
  return `••••${apiKey.slice(-4)}`;
}
