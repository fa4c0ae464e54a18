import { MedusaService } from "@medusajs/framework/utils";
import { CampaignControl } from "./models/campaign-control";
import { CampaignSender } from "./models/campaign-sender";
import { CampaignSettings } from "./models/campaign-settings";

/** Campaign sending data. The gate and its records run as SQL in one transaction each (gate/ and senders/ here). */
class CampaignDispatchModuleService extends MedusaService({ CampaignSender, CampaignControl, CampaignSettings }) {}

export default CampaignDispatchModuleService;
