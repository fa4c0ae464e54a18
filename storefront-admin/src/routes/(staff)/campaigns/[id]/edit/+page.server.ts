import { error, redirect } from "@sveltejs/kit";
import { builderValuesOf } from "$lib/campaigns/builder-form";
import { builderOptions, campaignsFor, saveCampaign } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import type { Actions, PageServerLoad } from "./$types";

const EDITABLE = new Set(["draft", "scheduled", "paused"]);

export const load: PageServerLoad = async ({ locals, params }) => {
  const { api } = campaignsFor(locals);
  let detail;
  try {
    detail = await api.get(params.id);
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status === 404 ? 404 : problem.status, { message: problem.status === 404 ? "No such campaign" : problem.message });
  }
  if (!EDITABLE.has(detail.campaign.status)) redirect(303, `/campaigns/${encodeURIComponent(params.id)}`);
  return { campaign: { id: detail.campaign.id, name: detail.campaign.name, status: detail.campaign.status }, values: builderValuesOf(detail.campaign), ...(await builderOptions(locals)) };
};

export const actions: Actions = {
  save: (event) => saveCampaign(event, event.params.id),
};
