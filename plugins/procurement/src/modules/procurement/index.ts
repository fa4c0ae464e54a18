import { Module } from "@medusajs/framework/utils";
import ProcurementModuleService from "./service";

/** Resolve with container.resolve("procurement"). */
export const PROCUREMENT_MODULE = "procurement";

export default Module(PROCUREMENT_MODULE, { service: ProcurementModuleService });
export { ProcurementModuleService };
