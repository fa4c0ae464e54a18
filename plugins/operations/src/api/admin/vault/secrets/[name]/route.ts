import { setVaultSecretBodySchemaFor } from "@voltura/domain";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { vaultSecretView } from "../../../../../domain/vault-view";
import { currentSecretsKeyId, secretNameParam, vaultService } from "../../shared";

/** Owners set a secret (sealed with the current key); the audit row names it and the key, never the value. */
export const PUT = staffRoute<{ value: string }>(["owner"], async (req, res) => {
  const name = secretNameParam(req.params);
  const { value } = parseOrThrow(setVaultSecretBodySchemaFor(name), req.body);
  const { row, replaced } = await vaultService(req.scope).setSecret(name, value, req.actor.name);
  await recordAudit(req, {
    action: "vault.secret_set",
    entity: "vault_secret",
    entity_id: name,
    changes: { set: { before: replaced, after: true } },
    metadata: { key_id: row.key_id, replaced },
  });
  res.json({ secret: vaultSecretView(name, row, process.env, currentSecretsKeyId()) });
});

/** Owners clear a secret: the environment variable applies again. Clearing one that is not set is a no-op (200). */
export const DELETE = staffRoute(["owner"], async (req, res) => {
  const name = secretNameParam(req.params);
  const removed = await vaultService(req.scope).deleteSecret(name);
  await recordAudit(req, {
    action: "vault.secret_cleared",
    entity: "vault_secret",
    entity_id: name,
    changes: { set: { before: removed !== null, after: false } },
    metadata: { key_id: removed?.key_id ?? null },
  });
  res.json({ secret: vaultSecretView(name, null, process.env, currentSecretsKeyId()) });
});
