import { campaignActionRoute } from "../../../../../planner/action-route";

/** POST /admin/campaigns/:id/launch (see campaignActionRoute). */
export const POST = campaignActionRoute("launch");
