import { createCampaignBodySchema, listCampaignsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { campaignAnswer, CAMPAIGN_COLUMNS, countsFor, CURSOR_SQL, emptyCounts, campaignRowOf } from "../../../../modules/campaigns/planner/campaign-read";
import { createCampaign } from "../../../../modules/campaigns/planner/campaign-write";
import { answeringRefusals } from "../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS, CAMPAIGN_READERS } from "../roles";

/**
 * Campaigns newest first (keyset `before`), optionally of one status or matching `q` in the name; counts per status.
 * Under /plans: GET and POST /admin/campaigns belong to Medusa's promotion campaigns (their validators run there).
 */
export const GET = staffRoute(CAMPAIGN_READERS, async (req, res) => {
  const query = parseOrThrow(listCampaignsQuerySchema, req.query ?? {});
  const db = sqlConnection(req.scope);
  const where = ["deleted_at IS NULL"];
  const bindings: unknown[] = [];
  if (query.status) {
    where.push("status = ?");
    bindings.push(query.status);
  }
  if (query.q) {
    where.push("name ILIKE ?");
    bindings.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (query.before) {
    where.push("(created_at, id) < (?::timestamptz, ?)");
    bindings.push(query.before.at, query.before.id);
  }
  const page = await rows(db, `SELECT ${CAMPAIGN_COLUMNS}, ${CURSOR_SQL} AS cursor FROM campaign WHERE ${where.join(" AND ")}
    ORDER BY created_at DESC, id DESC LIMIT ?`, [...bindings, query.limit + 1]);
  const more = page.length > query.limit;
  const shown = page.slice(0, query.limit).map((row) => ({ ...campaignRowOf(row), cursor: String(row.cursor) }));
  const counts = await countsFor(db, shown);
  const byStatus = await rows(db, `SELECT status, count(*)::int AS n FROM campaign WHERE deleted_at IS NULL GROUP BY status`);
  res.json({
    campaigns: shown.map((row) => campaignAnswer(row, counts.get(row.id) ?? emptyCounts())),
    status_counts: Object.fromEntries(byStatus.map((r) => [String(r.status), Number(r.n)])),
    next_cursor: more ? shown[shown.length - 1]!.cursor : null,
  });
});

/** A new draft. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(createCampaignBodySchema, req.body ?? {});
  await answeringRefusals(res, async () => {
    const row = await createCampaign(req.scope, body, { id: req.actor.id, name: req.actor.name });
    await recordAudit(req, { action: "campaign.create", entity: "campaign", entity_id: row.id, metadata: { name: row.name } });
    res.status(201).json({ campaign: campaignAnswer(row, emptyCounts()) });
  });
});
