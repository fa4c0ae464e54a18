import { z } from "zod";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { audienceCandidatesSql } from "../../../../../domain/audience-sql";
import { campaignCandidates, countAudience, parseFilterParam } from "../../../../../modules/campaigns/planner/audience";
import { loadCampaignRow } from "../../../../../modules/campaigns/planner/campaign-read";
import { CAMPAIGN_MANAGERS } from "../../roles";

const querySchema = z.object({ filter: z.string().max(20_000).optional(), campaign_id: z.string().trim().min(1).max(100).optional() });

/**
 * The live count of an audience: `?filter=<json>` (the filter being edited) or `?campaign_id=` (a saved
 * campaign's filter or imported list). Matched people, who would be sent to, and who is left out and why.
 */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(querySchema, req.query ?? {});
  const db = sqlConnection(req.scope);
  const now = new Date();
  const candidates = query.campaign_id
    ? campaignCandidates(await loadCampaignRow(db, query.campaign_id), now)
    : audienceCandidatesSql(parseFilterParam(query.filter), now);
  res.json(await countAudience(db, candidates));
});
