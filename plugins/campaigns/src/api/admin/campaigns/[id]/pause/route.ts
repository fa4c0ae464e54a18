import { campaignActionRoute } from "../../../../../planner/action-route";

/** POST /admin/campaigns/:id/pause (see campaignActionRoute). */
export const POST = campaignActionRoute("pause");
