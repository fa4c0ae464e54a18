import { MedusaService } from "@medusajs/framework/utils";
import { Campaign } from "./models/campaign";
import { CampaignBlacklist } from "./models/campaign-blacklist";
import { CampaignEvent } from "./models/campaign-event";
import { CampaignListEntry } from "./models/campaign-list-entry";
import { CampaignRecipient } from "./models/campaign-recipient";
import { CampaignTemplate } from "./models/campaign-template";

/** Campaign planner data. Writes that must commit together run as SQL in one transaction (planner/ here). */
class CampaignsModuleService extends MedusaService({
  Campaign,
  CampaignEvent,
  CampaignRecipient,
  CampaignListEntry,
  CampaignTemplate,
  CampaignBlacklist,
}) {}

export default CampaignsModuleService;
