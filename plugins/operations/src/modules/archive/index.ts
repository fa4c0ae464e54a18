import { Module } from "@medusajs/framework/utils";
import ArchiveModuleService from "./service";

/** Resolve with container.resolve("archive"): archive runs, retention settings, PDPA data requests. */
export const ARCHIVE_MODULE = "archive";

export default Module(ARCHIVE_MODULE, { service: ArchiveModuleService });
export { ArchiveModuleService };
