import { Module } from "@medusajs/framework/utils";
import searchIndexes from "./loaders/search-indexes";
import PosModuleService from "./service";

/** Resolve with container.resolve("pos"). */
export const POS_MODULE = "pos";

export default Module(POS_MODULE, { service: PosModuleService, loaders: [searchIndexes] });
export { PosModuleService };
