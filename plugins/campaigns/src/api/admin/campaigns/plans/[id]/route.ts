import { diffFields } from "@voltura/domain";
import { updateCampaignBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { campaignAnswer, campaignWithCounts, eventAnswer, loadCampaignRow } from "../../../../../modules/campaigns/planner/campaign-read";
import { updateCampaign } from "../../../../../modules/campaigns/planner/campaign-write";
import { applyCampaignAction } from "../../../../../modules/campaigns/planner/lifecycle-commit";
import { answeringRefusals, CampaignRefusal } from "../../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS, CAMPAIGN_READERS } from "../../roles";
import { shopNameOf } from "../../../../../modules/campaigns/planner/shop";

/** The campaign with its current run's counts, its lifecycle events (oldest first) and the size of its imported list. */
export const GET = staffRoute(CAMPAIGN_READERS, async (req, res) => {
  const db = sqlConnection(req.scope);
  const campaign = await campaignWithCounts(db, req.params.id!);
  const events = await rows(db, `SELECT * FROM campaign_event WHERE campaign_id = ? ORDER BY created_at, id LIMIT 500`, [campaign.id]);
  const [list] = await rows(db, `SELECT count(*)::int AS n FROM campaign_list_entry WHERE campaign_id = ? AND deleted_at IS NULL`, [campaign.id]);
  res.json({ campaign, events: events.map(eventAnswer), list_entries: Number(list?.n ?? 0) });
});

/** Edits a draft, scheduled or paused campaign. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateCampaignBodySchema, req.body ?? {});
  await answeringRefusals(res, async () => {
    const { before, after } = await updateCampaign(req.scope, req.params.id!, body, { id: req.actor.id, name: req.actor.name });
    const fields = Object.keys(body);
    await recordAudit(req, {
      action: "campaign.update", entity: "campaign", entity_id: after.id,
      changes: diffFields({ ...before }, { ...after }, fields),
    });
    res.json({ campaign: await campaignWithCounts(sqlConnection(req.scope), after.id) });
  });
});

/** Deletes a draft: it is cancelled (kept with its events). Any other status answers 409. */
export const DELETE = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  await answeringRefusals(res, async () => {
    const db = sqlConnection(req.scope);
    const row = await loadCampaignRow(db, req.params.id!);
    if (row.status !== "draft") {
      throw new CampaignRefusal(409, "campaign_not_draft", `Only a draft can be deleted; this campaign is ${row.status} (cancel it instead)`, { status: row.status });
    }
    const { after } = await applyCampaignAction(req.scope, row.id, "cancel", { id: req.actor.id, name: req.actor.name }, { reason: "deleted draft", shopName: await shopNameOf(req.scope) });
    await recordAudit(req, { action: "campaign.delete", entity: "campaign", entity_id: row.id, metadata: { name: row.name } });
    res.json({ campaign: campaignAnswer(after, (await campaignWithCounts(db, row.id)).counts) });
  });
});
