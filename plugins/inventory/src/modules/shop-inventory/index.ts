import { Module } from "@medusajs/framework/utils";
import ShopInventoryModuleService from "./service";

/** Not `inventory`: Medusa's core inventory module holds that key. */
export const SHOP_INVENTORY_MODULE = "shopInventory";

export default Module(SHOP_INVENTORY_MODULE, { service: ShopInventoryModuleService });
export { ShopInventoryModuleService };
