import { campaignActionBodySchema, type CampaignAction } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { campaignWithCounts } from "../../../../modules/campaigns/planner/campaign-read";
import { applyCampaignAction } from "../../../../modules/campaigns/planner/lifecycle-commit";
import { answeringRefusals, CampaignRefusal } from "../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS } from "../roles";
import { shopNameOf } from "../../../../modules/campaigns/planner/shop";

/**
 * POST /admin/campaigns/:id/<action>: one lifecycle move (409 `campaign_transition_refused` naming what is
 * allowed). launch and confirm {fire:true} freeze the run's recipients; the answer carries their counts.
 */
export function campaignActionRoute(action: CampaignAction) {
  return staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
    const body = parseOrThrow(campaignActionBodySchema, req.body ?? {});
    await answeringRefusals(res, async () => {
      if (action === "confirm" && body.fire === undefined) {
        throw new CampaignRefusal(400, "invalid_data", "Invalid request: fire: say whether to send the missed run now (true) or skip it (false)");
      }
      const result = await applyCampaignAction(req.scope, req.params.id!, action, { id: req.actor.id, name: req.actor.name }, {
        reason: body.reason ?? null,
        fire: body.fire,
        shopName: await shopNameOf(req.scope),
      });
      await recordAudit(req, {
        action: `campaign.${action}`, entity: "campaign", entity_id: result.after.id,
        changes: { status: { before: result.before.status, after: result.after.status } },
        metadata: { reason: body.reason ?? null, run: result.run },
      });
      res.json({ campaign: await campaignWithCounts(sqlConnection(req.scope), result.after.id), run: result.run });
    });
  });
}
