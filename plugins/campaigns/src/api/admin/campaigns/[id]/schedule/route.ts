import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/schedule (see campaignActionRoute). */
export const POST = campaignActionRoute("schedule");
