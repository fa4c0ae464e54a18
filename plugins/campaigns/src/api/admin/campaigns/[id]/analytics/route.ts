import { z } from "zod";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../dispatch-roles";
import { campaignAnalytics } from "../../../../../modules/campaigns/analytics/analytics";

const querySchema = z.object({ run_no: z.coerce.number().int().min(1).optional() });

/** Live counts of a run (the latest unless run_no), rates, progress, ETA and the per-day series for the chart. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(querySchema, req.query);
  res.json({ analytics: await campaignAnalytics(sqlConnection(req.scope), req.params.id!, query.run_no) });
});
