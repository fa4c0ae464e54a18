import { VAULT_SECRET_NAMES, VAULT_SECRETS, type VaultSecretName } from "@voltura/domain";

export interface StoredVaultSecret {
  name: VaultSecretName;
  key_id: string;
  updated_by: string | null;
  updated_at: string;
}

/** What owners see of one secret: whether it is set and under which key — never the value. */
export interface VaultSecretView {
  name: VaultSecretName;
  label: string;
  env: string;
  set: boolean;
  /** The environment variable has a value (used while the secret is not set here). */
  env_set: boolean;
  key_id: string | null;
  /** Sealed under an older key: `npm run keys:rotate` re-seals it. */
  stale_key: boolean;
  updated_at: string | null;
  updated_by: string | null;
}

/** One entry per allowed name, in the vault's order, from the stored rows and the environment. */
export function vaultSecretsView(
  rows: readonly StoredVaultSecret[],
  env: Record<string, string | undefined>,
  currentKeyId: string | null,
): VaultSecretView[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  return VAULT_SECRET_NAMES.map((name) => vaultSecretView(name, byName.get(name) ?? null, env, currentKeyId));
}

export function vaultSecretView(
  name: VaultSecretName,
  row: StoredVaultSecret | null,
  env: Record<string, string | undefined>,
  currentKeyId: string | null,
): VaultSecretView {
  const meta = VAULT_SECRETS[name];
  return {
    name,
    label: meta.label,
    env: meta.env,
    set: row !== null,
    env_set: Boolean(env[meta.env]?.trim()),
    key_id: row?.key_id ?? null,
    stale_key: row !== null && currentKeyId !== null && row.key_id !== currentKeyId,
    updated_at: row?.updated_at ?? null,
    updated_by: row?.updated_by ?? null,
  };
}
