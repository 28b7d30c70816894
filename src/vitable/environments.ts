import * as z from "zod/mini";

/** The Vitable environments a connection can use (vitable-api.md §1). */
export const vitableEnvironmentSchema = z.enum(["production", "uat"]);

export type VitableEnvironment = z.infer<typeof vitableEnvironmentSchema>;

/** API base URL per environment; every path below it starts with `/v1`. */
export const VITABLE_BASE_URLS: Readonly<Record<VitableEnvironment, string>> = {
  production: "https://api.vitablehealth.com",
  uat: "https://api.uat.vitablehealth.com",
};
