import { Module } from "@medusajs/framework/utils";
import CampaignsModuleService from "./service";

/** Resolve with container.resolve("campaigns"). */
export const CAMPAIGNS_MODULE = "campaigns";

export default Module(CAMPAIGNS_MODULE, { service: CampaignsModuleService });
export { CampaignsModuleService };
