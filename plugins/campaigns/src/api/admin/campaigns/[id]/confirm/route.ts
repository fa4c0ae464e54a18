import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/confirm (see campaignActionRoute). */
export const POST = campaignActionRoute("confirm");
