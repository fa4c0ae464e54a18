import { Module } from "@medusajs/framework/utils";
import StaffGuardService from "./service";

/** Resolve with container.resolve("staffGuard"): the per-account and per-IP limits on password checks. */
export const STAFF_GUARD_MODULE = "staffGuard";

export default Module(STAFF_GUARD_MODULE, { service: StaffGuardService });
export { StaffGuardService };
