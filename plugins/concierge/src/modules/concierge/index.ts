import { Module } from "@medusajs/framework/utils";
import ConciergeModuleService from "./service";

/** Resolve with container.resolve("concierge"). */
export const CONCIERGE_MODULE = "concierge";

export default Module(CONCIERGE_MODULE, { service: ConciergeModuleService });
export { ConciergeModuleService };
