// The plugin's Medusa workflows, for other plugins, the commerce app and the demo seed.
export * from "./checkout-pos-sale";
export * from "./record-pos-payment";
export * from "./return-pos-sale";
export * from "./pos-shifts";
export * from "./update-pos-settings";
export { POS_MODULE } from "../modules/pos/index";
