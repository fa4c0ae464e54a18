import { builderOptions, saveCampaign } from "$lib/campaigns/server";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => builderOptions(locals);

export const actions: Actions = {
  save: (event) => saveCampaign(event, null),
};
