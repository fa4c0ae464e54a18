import { Module } from "@medusajs/framework/utils";
import ShopSettingsService from "./service";

/** Resolve with container.resolve("shopSettings"). */
export const SHOP_SETTINGS_MODULE = "shopSettings";

export default Module(SHOP_SETTINGS_MODULE, { service: ShopSettingsService });
export { ShopSettingsService };
