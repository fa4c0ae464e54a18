import { toSafeCsv } from "@voltura/domain";
import { recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../roles";

/** The active blacklist as CSV (phone, reason, added_by, created_at), oldest first; the file can be imported again. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const found = await rows(sqlConnection(req.scope),
    `SELECT phone, reason, added_by, created_at FROM campaign_blacklist WHERE removed_at IS NULL AND deleted_at IS NULL ORDER BY created_at, id`);
  const csv = toSafeCsv(["phone", "reason", "added_by", "created_at"], found.map((r) => [String(r.phone), String(r.reason), (r.added_by as string | null) ?? "", r.created_at as Date]), { bom: true });
  await recordAudit(req, { action: "export.campaign_blacklist", entity: "campaign_blacklist", metadata: { rows: found.length } });
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", 'attachment; filename="campaign-blacklist.csv"');
  res.send(csv);
});
