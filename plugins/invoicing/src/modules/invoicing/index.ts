import { Module } from "@medusajs/framework/utils";
import InvoicingModuleService from "./service";

/** The module key: resolve the service with container.resolve(INVOICING_MODULE). */
export const INVOICING_MODULE = "invoicing";

export default Module(INVOICING_MODULE, { service: InvoicingModuleService });
export { InvoicingModuleService };
