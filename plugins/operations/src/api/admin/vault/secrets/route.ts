import { staffRoute } from "@voltura/medusa-kit";
import { vaultSecretsView } from "../../../../domain/vault-view";
import { currentSecretsKeyId, vaultService } from "../shared";

/** Owners: each allowed secret, set or not, its key id and who set it when. Never a value. */
export const GET = staffRoute(["owner"], async (req, res) => {
  const rows = await vaultService(req.scope).listSecretRows();
  const currentKeyId = currentSecretsKeyId();
  res.json({ secrets: vaultSecretsView(rows, process.env, currentKeyId), current_key_id: currentKeyId });
});
