import { tryNormalisePhone } from "@voltura/domain";
import { blacklistAddBodySchema, listBlacklistQuerySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { addToBlacklist, blacklistAnswer } from "../../../../modules/campaigns/planner/blacklist";
import { CURSOR_SQL } from "../../../../modules/campaigns/planner/campaign-read";
import { answeringRefusals, CampaignRefusal } from "../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS } from "../roles";

/** The blacklist, newest first (keyset `before`); `q` matches digits of the phone; removed rows with include_removed. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(listBlacklistQuerySchema, req.query ?? {});
  const where = ["deleted_at IS NULL"];
  const bindings: unknown[] = [];
  if (!query.include_removed) where.push("removed_at IS NULL");
  const digits = query.q?.replace(/\D/g, "");
  if (digits) {
    where.push("phone LIKE ?");
    bindings.push(`%${digits}%`);
  }
  if (query.before) {
    where.push("(created_at, id) < (?::timestamptz, ?)");
    bindings.push(query.before.at, query.before.id);
  }
  const db = sqlConnection(req.scope);
  const page = await rows(db, `SELECT *, ${CURSOR_SQL} AS cursor FROM campaign_blacklist WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`, [...bindings, query.limit + 1]);
  const shown = page.slice(0, query.limit);
  const [active] = await rows(db, `SELECT count(*)::int AS n FROM campaign_blacklist WHERE removed_at IS NULL AND deleted_at IS NULL`);
  res.json({
    entries: shown.map(blacklistAnswer),
    next_cursor: page.length > query.limit ? String(shown[shown.length - 1]!.cursor) : null,
    active_count: Number(active?.n ?? 0),
  });
});

/** Adds a phone with its reason (409 `already_blacklisted` with the active row when it is listed). */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(blacklistAddBodySchema, req.body ?? {});
  await answeringRefusals(res, async () => {
    const phone = tryNormalisePhone(body.phone);
    if (!phone) throw new CampaignRefusal(400, "invalid_data", "Invalid request: phone: is not a valid phone number");
    const db = sqlConnection(req.scope);
    const [added] = await addToBlacklist(db, [{ phone, reason: body.reason }], req.actor.name || req.actor.id);
    if (!added) {
      const [existing] = await rows(db, `SELECT * FROM campaign_blacklist WHERE phone = ? AND removed_at IS NULL`, [phone]);
      throw new CampaignRefusal(409, "already_blacklisted", `${phone} is already on the blacklist`, { entry: existing ? blacklistAnswer(existing) : null });
    }
    await recordAudit(req, { action: "campaign.blacklist_add", entity: "campaign_blacklist", entity_id: String(added.id), metadata: { phone, reason: body.reason } });
    res.status(201).json({ entry: blacklistAnswer(added) });
  });
});
