import { recordAudit, staffRoute } from "@voltura/medusa-kit";
import { secretNameParam, vaultService } from "../../../shared";

/** The worker (system) reads a value it needs, e.g. the backup storage keys; null when not set. Audited, without the value. */
export const GET = staffRoute(["system"], async (req, res) => {
  const name = secretNameParam(req.params);
  const secret = await vaultService(req.scope).readSecret(name);
  await recordAudit(req, { action: "vault.secret_read", entity: "vault_secret", entity_id: name, metadata: { set: secret !== null, key_id: secret?.key_id ?? null } });
  res.json({ name, value: secret?.value ?? null, key_id: secret?.key_id ?? null });
});
