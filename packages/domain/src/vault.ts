import { z } from "zod";

/** The secrets owners may set in the console; each is sealed at rest with the key ring's "secrets" key. */
export const VAULT_SECRET_NAMES = ["smtp_url", "openai_api_key", "clerk_secret_key", "backup_s3_access_key_id", "backup_s3_secret_access_key"] as const;
export const vaultSecretNameSchema = z.enum(VAULT_SECRET_NAMES);
export type VaultSecretName = z.infer<typeof vaultSecretNameSchema>;

/** What each secret is for, and the environment variable used while it is not set. */
export const VAULT_SECRETS: Record<VaultSecretName, { label: string; env: string; hint: string }> = {
  smtp_url: { label: "SMTP server", env: "SMTP_URL", hint: "smtp://user:password@host:587 or smtps://…:465" },
  openai_api_key: { label: "OpenAI API key (concierge)", env: "OPENAI_API_KEY", hint: "sk-…" },
  clerk_secret_key: { label: "Clerk secret key", env: "CLERK_SECRET_KEY", hint: "sk_live_… (read from the environment at console start)" },
  backup_s3_access_key_id: { label: "Backup storage access key id", env: "BACKUP_S3_ACCESS_KEY_ID", hint: "the S3 access key id" },
  backup_s3_secret_access_key: { label: "Backup storage secret key", env: "BACKUP_S3_SECRET_ACCESS_KEY", hint: "the S3 secret access key" },
};

/** A value owners set: no NUL, no surrounding blanks (a pasted newline would break an SMTP URL or a key). */
export const vaultSecretValueSchema = z
  .string()
  .trim()
  .min(1, "value is required")
  .max(4096, "value is at most 4096 characters")
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), { message: "value must not contain control characters" });

export const setVaultSecretBodySchema = z.object({ value: vaultSecretValueSchema }).strict();

/** The body for one secret: an SMTP URL must be smtp:// or smtps://; keys are one word. */
export function setVaultSecretBodySchemaFor(name: VaultSecretName) {
  const value =
    name === "smtp_url"
      ? vaultSecretValueSchema.refine((v) => /^smtps?:\/\/\S+$/.test(v), { message: "value must be an smtp:// or smtps:// URL" })
      : vaultSecretValueSchema.refine((v) => /^\S+$/.test(v), { message: "value must not contain spaces" });
  return z.object({ value }).strict();
}
