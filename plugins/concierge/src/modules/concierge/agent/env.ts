import { vaultSecret } from "@voltura/keyring";
import { z } from "zod";

const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

/** The concierge's model settings. Without OPENAI_API_KEY the concierge runs offline (intent matching). */
export const conciergeEnvSchema = z.object({
  OPENAI_API_KEY: blankIsUnset(z.string().min(1).optional()),
  /** Any OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1. Unset: api.openai.com. */
  OPENAI_BASE_URL: blankIsUnset(z.url({ protocol: /^https?$/ }).optional()),
  CONCIERGE_MODEL: blankIsUnset(z.string().min(1).default("gpt-4o-mini")),
  CONCIERGE_EMBEDDING_MODEL: blankIsUnset(z.string().min(1).default("text-embedding-3-small")),
  /** auto: OpenAI-compatible embeddings when OPENAI_API_KEY is set; local: always the offline embedder (for chat-only servers). */
  CONCIERGE_EMBEDDER: blankIsUnset(z.enum(["auto", "local", "openai"]).default("auto")),
  CONCIERGE_TIMEOUT_MS: blankIsUnset(z.coerce.number().int().min(1000).max(120_000).default(30_000)),
});
export type ConciergeEnv = z.infer<typeof conciergeEnvSchema>;

/** Read on every use, so a changed key takes effect without a restart (and tests can point it elsewhere). */
export function readConciergeEnv(env: NodeJS.ProcessEnv = process.env): ConciergeEnv {
  const parsed = conciergeEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`The concierge's settings are invalid: ${lines}`);
  }
  return parsed.data;
}

/**
 * The settings for answering a message: the OpenAI key owners set in the console (the vault's
 * `openai_api_key`) wins over OPENAI_API_KEY. The vault reuses an opened value for 30 s.
 */
export async function resolveConciergeEnv(env: NodeJS.ProcessEnv = process.env): Promise<ConciergeEnv> {
  const settings = readConciergeEnv(env);
  const vaultKey = await vaultSecret("openai_api_key", (error) => console.warn(`[concierge] vault openai_api_key unusable: ${String(error)}`));
  return vaultKey ? { ...settings, OPENAI_API_KEY: vaultKey } : settings;
}
