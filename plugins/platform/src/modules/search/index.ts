import { Module } from "@medusajs/framework/utils";
import SearchModuleService from "./service";

/**
 * Resolve with container.resolve(SEARCH_MODULE) ("shopSearch"; Medusa reserves "search"): the one search over jobs, customers, items and
 * documents. It owns no table; it reads the other modules' tables through the indexes it keeps (indexes.ts).
 */
export const SEARCH_MODULE = "shopSearch";

export default Module(SEARCH_MODULE, { service: SearchModuleService });
export { SearchModuleService };
