import { previewCampaignBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { loadCampaignRow } from "../../../../../planner/campaign-read";
import { previewCampaign } from "../../../../../planner/preview";
import { CAMPAIGN_MANAGERS } from "../../../../../planner/roles";
import { shopNameOf } from "../../../../../planner/shop";

/** The message as a chosen person (recipient, customer, phone; default the first eligible) will see it, and the variables missing across the audience. */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(previewCampaignBodySchema, req.body ?? {});
  const db = sqlConnection(req.scope);
  const row = await loadCampaignRow(db, req.params.id!);
  res.json(await previewCampaign(db, row, body, await shopNameOf(req.scope)));
});
