import { Module } from "@medusajs/framework/utils";
import CampaignDispatchModuleService from "./service";

/** Resolve with container.resolve("campaignDispatch"). */
export const CAMPAIGN_DISPATCH_MODULE = "campaignDispatch";

export default Module(CAMPAIGN_DISPATCH_MODULE, { service: CampaignDispatchModuleService });
export { CampaignDispatchModuleService };
