import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils";
import { keyRingLoader, openText, provideVaultSecrets, sealText, sealedKeyId, type KeyRing } from "@voltura/keyring";
import { vaultSecretNameSchema, type VaultSecretName } from "@voltura/domain";
import { VaultSecret } from "./models/vault-secret";

type Ctx = Context<EntityManager>;

export interface VaultSecretRow {
  name: VaultSecretName;
  key_id: string;
  updated_by: string | null;
  updated_at: string;
}

/** How long a process reuses a value it opened: another commerce instance's change shows within this. */
export const VAULT_CACHE_MS = 30_000;

const ROW_COLUMNS = `name, key_id, updated_by, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at`;

/**
 * The vault: owners' secrets sealed with the key ring's "secrets" key, each with its name as the
 * associated data (a sealed value copied onto another name does not open). Every write is one
 * statement. The service also serves the process's vault source (`vaultSecret` in @voltura/keyring)
 * that the mailer and the concierge ask at use.
 */
export default class VaultModuleService extends MedusaService({ VaultSecret }) {
  private readonly ring = keyRingLoader();
  private readonly cache = new Map<string, { value: string | null; at: number }>();

  constructor(container: Record<string, unknown>, ...rest: unknown[]) {
    super(container, ...rest);
    provideVaultSecrets((name) => this.cachedValue(name));
  }

  private keyRing(): KeyRing {
    try {
      return this.ring();
    } catch (error) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The vault cannot seal or open secrets: ${(error as Error).message}`);
    }
  }

  @InjectManager()
  async listSecretRows(@MedusaContext() ctx: Ctx = {}): Promise<VaultSecretRow[]> {
    return (await ctx.manager!.execute(`SELECT ${ROW_COLUMNS} FROM vault_secret WHERE deleted_at IS NULL ORDER BY name`)) as VaultSecretRow[];
  }

  /** Seals and stores `value` under `name` (one upsert); answers the row without the value. */
  @InjectManager()
  async setSecret(
    name: VaultSecretName, value: string, updatedBy: string | null, @MedusaContext() ctx: Ctx = {},
  ): Promise<{ row: VaultSecretRow; replaced: boolean }> {
    const sealed = sealText(this.keyRing(), value, name);
    const [row] = (await ctx.manager!.execute(
      `INSERT INTO vault_secret (id, name, sealed, key_id, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET sealed = EXCLUDED.sealed, key_id = EXCLUDED.key_id, updated_by = EXCLUDED.updated_by,
         updated_at = now(), deleted_at = NULL
       RETURNING ${ROW_COLUMNS}, (xmax <> 0) AS replaced`,
      [generateEntityId(undefined, "vsec"), name, sealed, sealedKeyId(sealed), updatedBy],
    )) as Array<VaultSecretRow & { replaced: boolean }>;
    this.cache.delete(name);
    const { replaced, ...stored } = row!;
    return { row: stored, replaced };
  }

  /** Removes the secret (the environment variable applies again); answers the removed row, or null. */
  @InjectManager()
  async deleteSecret(name: VaultSecretName, @MedusaContext() ctx: Ctx = {}): Promise<VaultSecretRow | null> {
    const [row] = (await ctx.manager!.execute(`DELETE FROM vault_secret WHERE name = ? RETURNING ${ROW_COLUMNS}`, [name])) as VaultSecretRow[];
    this.cache.delete(name);
    return row ?? null;
  }

  /** Opens the stored value (never cached here); null when not set. */
  @InjectManager()
  async readSecret(name: VaultSecretName, @MedusaContext() ctx: Ctx = {}): Promise<{ value: string; key_id: string } | null> {
    const [row] = (await ctx.manager!.execute(`SELECT sealed, key_id FROM vault_secret WHERE name = ? AND deleted_at IS NULL`, [name])) as Array<{
      sealed: string;
      key_id: string;
    }>;
    if (!row) return null;
    try {
      return { value: openText(this.keyRing(), row.sealed, name), key_id: row.key_id };
    } catch (error) {
      if (error instanceof MedusaError) throw error;
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The vault secret ${name} cannot be opened: ${(error as Error).message}`);
    }
  }

  /** The value for the process's vault source, reused for VAULT_CACHE_MS. Unknown names have none. */
  async cachedValue(name: string): Promise<string | null> {
    const parsed = vaultSecretNameSchema.safeParse(name);
    if (!parsed.success) return null;
    const hit = this.cache.get(name);
    if (hit && Date.now() - hit.at < VAULT_CACHE_MS) return hit.value;
    const value = (await this.readSecret(parsed.data))?.value ?? null;
    this.cache.set(name, { value, at: Date.now() });
    return value;
  }
}
