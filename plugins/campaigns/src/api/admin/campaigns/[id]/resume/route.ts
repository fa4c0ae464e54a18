import { campaignActionRoute } from "../../../../../planner/action-route";

/** POST /admin/campaigns/:id/resume (see campaignActionRoute). */
export const POST = campaignActionRoute("resume");
