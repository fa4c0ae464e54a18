import { Module } from "@medusajs/framework/utils";
import IntegrityModuleService from "./service";

/** Resolve with container.resolve("integrity"): stored runs of the platform integrity check. */
export const INTEGRITY_MODULE = "integrity";

export default Module(INTEGRITY_MODULE, { service: IntegrityModuleService });
export { IntegrityModuleService };
export type { IntegrityRunRow, NewIntegrityRun } from "./service";
