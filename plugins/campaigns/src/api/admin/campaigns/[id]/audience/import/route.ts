import { generateEntityId } from "@medusajs/framework/utils";
import { parseRecipientCsv } from "@voltura/domain";
import { importAudienceBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { loadCampaignRow } from "../../../../../../modules/campaigns/planner/campaign-read";
import { isEditable } from "../../../../../../domain/lifecycle";
import { answeringRefusals, CampaignRefusal } from "../../../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS } from "../../../roles";

const BATCH = 1_000;

/**
 * The campaign's audience from CSV (a `phone` column; `name` and any other columns become variables). Each
 * rejected row comes back with its line and why; the accepted ones replace the list (or join it with
 * append, a phone already listed being rejected), and the campaign's audience becomes the list. One transaction.
 */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(importAudienceBodySchema, req.body ?? {});
  await answeringRefusals(res, async () => {
    const parsed = parseRecipientCsv(body.csv);
    const db = sqlConnection(req.scope);
    const result = await db.transaction(async (trx) => {
      const campaign = await loadCampaignRow(trx, req.params.id!, true);
      if (!isEditable(campaign.status) || campaign.status === "paused") {
        throw new CampaignRefusal(409, "campaign_not_editable", `The audience of a ${campaign.status} campaign is frozen`, { status: campaign.status });
      }
      if (!body.append) await trx.raw(`DELETE FROM campaign_list_entry WHERE campaign_id = ?`, [campaign.id]);
      const rejected = parsed.rejected.map(({ line, value, reason }) => ({ line, value, reason }));
      let accepted = 0;
      for (let i = 0; i < parsed.rows.length; i += BATCH) {
        const batch = parsed.rows.slice(i, i + BATCH);
        const inserted = await rows(trx, `INSERT INTO campaign_list_entry (id, campaign_id, phone, name, "values", line, created_at, updated_at)
          SELECT e.id, ?, e.phone, e.name, e.values, e.line, now(), now()
          FROM jsonb_to_recordset(?::jsonb) AS e(id text, phone text, name text, "values" jsonb, line int)
          ON CONFLICT (campaign_id, phone) DO NOTHING RETURNING phone`,
          [campaign.id, JSON.stringify(batch.map((r) => ({ id: generateEntityId(undefined, "cle"), phone: r.phone, name: r.name ?? null, values: r.values, line: r.line })))]);
        accepted += inserted.length;
        const got = new Set(inserted.map((r) => String(r.phone)));
        for (const r of batch) if (!got.has(r.phone)) rejected.push({ line: r.line, value: r.phone, reason: "this number is already on the list" });
      }
      await trx.raw(`UPDATE campaign SET audience = '{"mode":"list"}'::jsonb, updated_at = now() WHERE id = ?`, [campaign.id]);
      const [count] = await rows(trx, `SELECT count(*)::int AS n FROM campaign_list_entry WHERE campaign_id = ? AND deleted_at IS NULL`, [campaign.id]);
      return { accepted, rejected: rejected.sort((a, b) => a.line - b.line), list_entries: Number(count?.n ?? 0) };
    });
    const columns = [...new Set(parsed.rows.flatMap((r) => Object.keys(r.values)))];
    await recordAudit(req, {
      action: "campaign.audience_import", entity: "campaign", entity_id: req.params.id!,
      metadata: { accepted: result.accepted, rejected: result.rejected.length, append: body.append, list_entries: result.list_entries },
    });
    res.json({ ...result, columns });
  });
});
