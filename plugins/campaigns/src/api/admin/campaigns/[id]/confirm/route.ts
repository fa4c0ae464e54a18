import { campaignActionRoute } from "../../../../../planner/action-route";

/** POST /admin/campaigns/:id/confirm (see campaignActionRoute). */
export const POST = campaignActionRoute("confirm");
