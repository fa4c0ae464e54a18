import { z } from "zod";
import { vaultSecretNameSchema, type VaultSecretName } from "@voltura/domain";
import type { CommerceClient } from "./client.js";

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

const vaultSecretAnswerSchema = z.object({ secret: vaultSecretSchema });
const vaultSecretValueSchema = z.object({ name: vaultSecretNameSchema, value: z.string().nullable(), key_id: z.string().nullable() });

const secretPath = (name: VaultSecretName) => `/admin/vault/secrets/${encodeURIComponent(name)}`;

/** Owners. */
export function listVaultSecrets(client: CommerceClient): Promise<VaultSecretList> {
  return client.request("GET", "/admin/vault/secrets", vaultSecretListSchema);
}

/** Owners: seals and stores the value under the key ring's current key. */
export async function setVaultSecret(client: CommerceClient, name: VaultSecretName, value: string): Promise<VaultSecret> {
  return (await client.request("PUT", secretPath(name), vaultSecretAnswerSchema, { value })).secret;
}

/** Owners: removes the secret (its environment variable applies again). */
export async function deleteVaultSecret(client: CommerceClient, name: VaultSecretName): Promise<VaultSecret> {
  return (await client.request("DELETE", secretPath(name), vaultSecretAnswerSchema)).secret;
}

/** The worker (system): the value, or null when not set. */
export async function readVaultSecretValue(client: CommerceClient, name: VaultSecretName): Promise<string | null> {
  return (await client.request("GET", `${secretPath(name)}/value`, vaultSecretValueSchema)).value;
}
