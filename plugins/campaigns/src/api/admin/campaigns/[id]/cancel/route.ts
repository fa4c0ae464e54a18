import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/cancel (see campaignActionRoute). */
export const POST = campaignActionRoute("cancel");
