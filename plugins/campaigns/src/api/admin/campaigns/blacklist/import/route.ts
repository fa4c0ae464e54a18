import { parseRecipientCsv } from "@voltura/domain";
import { blacklistImportBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { addToBlacklist } from "../../../../../modules/campaigns/planner/blacklist";
import { CAMPAIGN_MANAGERS } from "../../roles";

/** Adds the phones of a CSV (a `phone` column; a `reason` column overrides the body's reason per row); each rejected row with why. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(blacklistImportBodySchema, req.body ?? {});
  const parsed = parseRecipientCsv(body.csv);
  const entries = parsed.rows.map((r) => ({ phone: r.phone, reason: (r.values.reason ?? "").trim().slice(0, 500) || body.reason }));
  const db = sqlConnection(req.scope);
  const added = await db.transaction(async (trx) => {
    const inserted = [];
    for (let i = 0; i < entries.length; i += 1_000) inserted.push(...(await addToBlacklist(trx, entries.slice(i, i + 1_000), req.actor.name || req.actor.id)));
    return inserted;
  });
  const rejected = parsed.rejected.map(({ line, value, reason }) => ({ line, value, reason }));
  await recordAudit(req, { action: "campaign.blacklist_import", entity: "campaign_blacklist", metadata: { added: added.length, already: entries.length - added.length, rejected: rejected.length } });
  res.json({ added: added.length, already: entries.length - added.length, rejected });
});
