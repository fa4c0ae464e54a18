// The plugin's exports for other plugins and the commerce app.
export { CAMPAIGNS_MODULE } from "../modules/campaigns/index";
