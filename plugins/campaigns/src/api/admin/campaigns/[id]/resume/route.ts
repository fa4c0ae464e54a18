import { campaignActionRoute } from "../action-route";

/** POST /admin/campaigns/:id/resume (see campaignActionRoute). */
export const POST = campaignActionRoute("resume");
