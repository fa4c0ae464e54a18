import { Module } from "@medusajs/framework/utils";
import { SHOP_SETTINGS_MODULE_KEY } from "@voltura/medusa-kit";
import ShopSettingsService from "./service";

/** Other plugins read the settings with medusa-kit `loadShopSettings(container)`. */
export const SHOP_SETTINGS_MODULE = SHOP_SETTINGS_MODULE_KEY;

export default Module(SHOP_SETTINGS_MODULE, { service: ShopSettingsService });
export { ShopSettingsService };
