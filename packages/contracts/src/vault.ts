import { z } from "zod";
import { vaultSecretNameSchema } from "@voltura/domain";

/** One secret as owners see it (`/admin/vault/secrets`): set or not, key id, who/when — never the value. */
export const vaultSecretSchema = z.object({
  name: vaultSecretNameSchema,
  label: z.string(),
  /** The environment variable used while the secret is not set here. */
  env: z.string(),
  set: z.boolean(),
  env_set: z.boolean(),
  key_id: z.string().nullable(),
  /** Sealed under an older key: `npm run keys:rotate` re-seals it. */
  stale_key: z.boolean(),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export type VaultSecret = z.infer<typeof vaultSecretSchema>;

export const vaultSecretListSchema = z.object({ secrets: z.array(vaultSecretSchema), current_key_id: z.string().nullable() });
export type VaultSecretList = z.infer<typeof vaultSecretListSchema>;
