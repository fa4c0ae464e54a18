import { json } from "@sveltejs/kit";
import { audienceFilterSchema } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import type { RequestHandler } from "./$types";

/**
 * GET /campaigns/audience?filter=<json> (or ?campaign_id=): the builder's live count — who matches,
 * who would be sent to, and who is left out and why. The filter is checked here and again by commerce.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { api } = campaignsFor(locals);
  const campaignId = url.searchParams.get("campaign_id");
  let input: Parameters<typeof api.audienceCount>[0];
  if (campaignId) input = { campaign_id: campaignId };
  else {
    let raw: unknown;
    try {
      raw = JSON.parse(url.searchParams.get("filter") ?? "{}");
    } catch {
      return json({ message: "filter is not JSON" }, { status: 400 });
    }
    const parsed = audienceFilterSchema.safeParse(raw);
    if (!parsed.success) return json({ message: parsed.error.issues[0]?.message ?? "Invalid filter" }, { status: 400 });
    input = { filter: parsed.data };
  }
  try {
    return json(await api.audienceCount(input), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    const problem = commerceProblem(err);
    return json({ message: problem.message }, { status: problem.status });
  }
};
