import { previewCampaignBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { loadCampaignRow } from "../../../../../modules/campaigns/planner/campaign-read";
import { previewCampaign } from "../../../../../modules/campaigns/planner/preview";
import { CAMPAIGN_MANAGERS } from "../../roles";
import { shopNameOf } from "../../../../../modules/campaigns/planner/shop";

/** The message as a chosen person (recipient, customer, phone; default the first eligible) will see it, and the variables missing across the audience. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(previewCampaignBodySchema, req.body ?? {});
  const db = sqlConnection(req.scope);
  const row = await loadCampaignRow(db, req.params.id!);
  res.json(await previewCampaign(db, row, body, await shopNameOf(req.scope)));
});
