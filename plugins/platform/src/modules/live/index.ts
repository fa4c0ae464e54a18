import { Module } from "@medusajs/framework/utils";
import LiveModuleService from "./service";

/** Resolve with container.resolve(LIVE_MODULE) ("live"): live changes for the console's live updates. */
export const LIVE_MODULE = "live";

export default Module(LIVE_MODULE, { service: LiveModuleService });
export { LiveModuleService };
