import { MedusaService } from "@medusajs/framework/utils";
import { OperationsAlert } from "./models/alert";
import { OperationsBackup } from "./models/backup";
import { OperationsMaintenance } from "./models/maintenance";
import { OperationsOptimisationRun } from "./models/optimisation-run";
import { OperationsRestoreRun } from "./models/restore-run";
import { OperationsRestoreTest } from "./models/restore-test";
import { OperationsSettings } from "./models/settings";

/**
 * Operations records. The routes read and write them as SQL in one transaction each (sql/), since the worker writes
 * the same rows by SQL (restore runs, maintenance mode) and a restore may swap the database underneath.
 */
class OperationsModuleService extends MedusaService({
  OperationsBackup,
  OperationsRestoreTest,
  OperationsRestoreRun,
  OperationsMaintenance,
  OperationsAlert,
  OperationsOptimisationRun,
  OperationsSettings,
}) {}

export default OperationsModuleService;
