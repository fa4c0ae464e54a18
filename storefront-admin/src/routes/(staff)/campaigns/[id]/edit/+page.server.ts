import { redirect } from "@sveltejs/kit";
import { builderValuesOf } from "$lib/campaigns/builder-form";
import { builderOptions, campaignDetailOrError, campaignsFor, saveCampaign } from "$lib/campaigns/server";
import type { Actions, PageServerLoad } from "./$types";

const EDITABLE = new Set(["draft", "scheduled", "paused"]);

export const load: PageServerLoad = async ({ locals, params }) => {
  const { api } = campaignsFor(locals);
  const detail = await campaignDetailOrError(api, params.id);
  if (!EDITABLE.has(detail.campaign.status)) redirect(303, `/campaigns/${encodeURIComponent(params.id)}`);
  return { campaign: { id: detail.campaign.id, name: detail.campaign.name, status: detail.campaign.status }, values: builderValuesOf(detail.campaign), ...(await builderOptions(locals)) };
};

export const actions: Actions = {
  save: (event) => saveCampaign(event, event.params.id),
};
