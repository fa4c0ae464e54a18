import { Module } from "@medusajs/framework/utils";
import searchIndexes from "./loaders/search-indexes";
import CrmModuleService from "./service";

/** Resolve with container.resolve("crm"). */
export const CRM_MODULE = "crm";

export default Module(CRM_MODULE, { service: CrmModuleService, loaders: [searchIndexes] });
export { CrmModuleService };
