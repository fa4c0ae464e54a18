import { openCloudSecrets, secretsRing } from "./cloud-secrets";

type Env = Record<string, string | undefined>;

export const GRAPH_URL_ENV = "WHATSAPP_GRAPH_URL";
export const DEFAULT_GRAPH_URL = "https://graph.facebook.com";

/** WHATSAPP_GRAPH_URL: where the Graph API is (Meta's by default; the local fake Graph API in tests). */
export function graphBaseUrl(env: Env = process.env): string {
  const value = env[GRAPH_URL_ENV]?.trim();
  return (value || DEFAULT_GRAPH_URL).replace(/\/+$/, "");
}

export interface CloudSessionConfig {
  id: string;
  cloud_phone_number_id?: string | null;
  cloud_waba_id?: string | null;
  cloud_secrets?: string | null;
}

/** The Cloud API transport's config from the session row; an error names what is missing (the session stops with it as its alert). */
export function cloudTransportConfig(session: CloudSessionConfig, env: Env = process.env) {
  const missing = [
    !session.cloud_phone_number_id && "cloud.phone_number_id",
    !session.cloud_waba_id && "cloud.waba_id",
    !session.cloud_secrets && "cloud.access_token",
  ].filter(Boolean);
  if (missing.length) throw new Error(`This Cloud API number is missing ${missing.join(", ")}: set it in the number's settings`);
  const secrets = openCloudSecrets(secretsRing(env as NodeJS.ProcessEnv), session.id, session.cloud_secrets!);
  return {
    phoneNumberId: session.cloud_phone_number_id!,
    wabaId: session.cloud_waba_id!,
    accessToken: secrets.access_token,
    graphBaseUrl: graphBaseUrl(env),
  };
}
