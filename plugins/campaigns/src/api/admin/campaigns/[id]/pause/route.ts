import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/pause (see campaignActionRoute). */
export const POST = campaignActionRoute("pause");
