import { MedusaError } from "@medusajs/framework/utils";
import { blacklistRemoveBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { blacklistAnswer } from "../../../../../modules/campaigns/planner/blacklist";
import { CAMPAIGN_MANAGERS } from "../../roles";

/** Takes a phone off the blacklist: the row stays, with when, who and why (`reason` in the body or the query). */
export const DELETE = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(blacklistRemoveBodySchema, { reason: (req.body as { reason?: unknown } | undefined)?.reason ?? req.query?.reason });
  const db = sqlConnection(req.scope);
  const [row] = await rows(db, `UPDATE campaign_blacklist SET removed_at = now(), removed_by = ?, removed_reason = ?, updated_at = now()
    WHERE id = ? AND removed_at IS NULL AND deleted_at IS NULL RETURNING *`, [req.actor.name || req.actor.id, body.reason, req.params.id!]);
  if (!row) {
    const [gone] = await rows(db, `SELECT id FROM campaign_blacklist WHERE id = ? AND deleted_at IS NULL`, [req.params.id!]);
    throw new MedusaError(gone ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_FOUND, gone ? "This entry was already removed" : `Blacklist entry ${req.params.id} was not found`);
  }
  await recordAudit(req, { action: "campaign.blacklist_remove", entity: "campaign_blacklist", entity_id: String(row.id), metadata: { phone: row.phone, reason: body.reason } });
  res.json({ entry: blacklistAnswer(row) });
});
