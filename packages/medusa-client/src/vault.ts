import { z } from "zod";
import { vaultSecretNameSchema, type VaultSecretName } from "@voltura/domain";
import { type CommerceClient } from "./client.js";
import { vaultSecretSchema, type VaultSecret, vaultSecretListSchema, type VaultSecretList } from "@voltura/contracts";

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
