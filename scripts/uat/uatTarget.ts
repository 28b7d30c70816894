import { VITABLE_BASE_URLS } from "../../src/vitable/environments";

/**
 * Where `npm run test:uat` may send requests: Vitable's UAT environment and nowhere else. The
 * cases create groups and sync made-up people, which must never reach production, so any
 * attempt to point them elsewhere is refused rather than followed.
 */

export interface UatTarget {
  baseUrl: string;
  /** Null in a dry run without VITABLE_API_KEY. */
  apiKey: string | null;
}

const TRAILING_SLASHES = /\/+$/;

export function uatTarget(
  flags: { baseUrl?: string; environment?: string; key?: string; dryRun: boolean },
  env: Record<string, string | undefined>,
): UatTarget {
  const uat = VITABLE_BASE_URLS.uat;
  if (flags.key !== undefined) {
    throw new Error(
      "test:uat takes its key from VITABLE_API_KEY only, so that a key is never typed into a command line.",
    );
  }
  const environment = flags.environment ?? env.VITABLE_ENVIRONMENT;
  if (environment !== undefined && environment !== "uat") {
    throw new Error(`test:uat only runs against Vitable's UAT environment; it refuses "${environment}".`);
  }
  const asked = flags.baseUrl ?? env.VITABLE_BASE_URL;
  if (asked !== undefined && asked.replace(TRAILING_SLASHES, "") !== uat) {
    throw new Error(`test:uat only runs against Vitable's UAT environment (${uat}); it refuses ${asked}.`);
  }
  const apiKey = env.VITABLE_API_KEY?.trim() || null;
  if (apiKey === null && !flags.dryRun) {
    throw new Error("Set VITABLE_API_KEY to a Vitable UAT API key (see docs/live-checks.md).");
  }
  return { baseUrl: uat, apiKey };
}
