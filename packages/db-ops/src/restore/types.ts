/** What a caller asks for: the run id comes from the caller (commerce makes `rr_…`, the CLI makes one). */
export interface RestoreRequest { runId: string; backupId: string; mode: "restore" | "copy"; requestedBy: string }

/** The steps, in order (restore: check → maintenance_on → restore_new_database → verify → swap → resume; copy: check → restore_new_database → verify → neutralise_copy). */
export type RestoreStep = "check" | "maintenance_on" | "restore_new_database" | "verify" | "swap" | "resume" | "rollback" | "neutralise_copy";

export const RESTORE_STEPS: readonly RestoreStep[] = ["check", "maintenance_on", "restore_new_database", "verify", "swap", "resume"];
export const COPY_STEPS: readonly RestoreStep[] = ["check", "restore_new_database", "verify", "neutralise_copy"];

export type RestoreRunStatus = "pending" | "running" | "completed" | "failed" | "rolled_back";

export interface RestoreLogLine { at: string; step: RestoreStep; level: "info" | "error"; message: string }

export interface RestoreStepResult { step: RestoreStep; ok: true; message: string; status: RestoreRunStatus }

export interface RestoreOutcome {
  runId: string;
  mode: "restore" | "copy";
  status: "completed" | "failed" | "rolled_back";
  /** The last step reached. */
  step: RestoreStep;
  /** The database that holds the backup's data (restore: the live name; copy: the copy's name). */
  targetDatabase: string | null;
  /** Restore only: where the database that was live before now lives (`<live>_pre_<short>`). */
  previousDatabase: string | null;
  error: string | null;
}

/** A refusal the caller shows as is: `code` is the HTTP-style type (e.g. `backup_newer_than_app`). */
export class RestoreRefusedError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}
