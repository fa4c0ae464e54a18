import { Module } from "@medusajs/framework/utils";
import RepairBillingModuleService from "./service";

/** Resolve with container.resolve("repairBilling"). */
export const REPAIR_BILLING_MODULE = "repairBilling";

export default Module(REPAIR_BILLING_MODULE, { service: RepairBillingModuleService });
export { RepairBillingModuleService };
