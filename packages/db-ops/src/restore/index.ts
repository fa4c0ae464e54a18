export { checkCompatibility, compareVersions } from "./compatibility.js";
export { setMaintenance } from "./maintenance.js";
export { DEFAULT_MIGRATE_COMMAND } from "./migrate.js";
export { outboundCapableRows } from "./neutralise.js";
export { restoreNames, shortRunId } from "./names.js";
export { recordRestoreFailure, recoverRestore, restoreStep, runRestore } from "./run.js";
export {
  COPY_STEPS, RESTORE_STEPS, RestoreRefusedError, type RestoreLogLine, type RestoreOutcome, type RestoreRequest, type RestoreRunStatus,
  type RestoreStep, type RestoreStepResult,
} from "./types.js";
