import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/launch (see campaignActionRoute). */
export const POST = campaignActionRoute("launch");
