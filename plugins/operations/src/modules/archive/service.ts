import { MedusaService } from "@medusajs/framework/utils";
import { ArchiveRun } from "./models/archive-run";
import { ArchiveSettings } from "./models/archive-settings";
import { DataRequest } from "./models/data-request";

/**
 * Owns the archive's tables. The moves themselves are SQL over several plugins' tables in one
 * transaction per batch (`src/archive/`), run on the shared connection.
 */
class ArchiveModuleService extends MedusaService({ ArchiveRun, ArchiveSettings, DataRequest }) {}

export default ArchiveModuleService;
