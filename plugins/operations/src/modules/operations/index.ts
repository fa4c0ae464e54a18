import { Module } from "@medusajs/framework/utils";
import OperationsModuleService from "./service";

/** Resolve with container.resolve("operations"). */
export const OPERATIONS_MODULE = "operations";

export default Module(OPERATIONS_MODULE, { service: OperationsModuleService });
export { OperationsModuleService };
