import type { InferTypeOf } from "@medusajs/framework/types";
import type { RepairStatus } from "@voltura/domain";
import type { RepairJob } from "./models/repair-job";
import type { RepairJobEvent } from "./models/repair-job-event";
import type { RepairJobPhoto } from "./models/repair-job-photo";

/** Rows of the repair module, as its models define them, without the relations (read on their own). */
export type RepairJobRecord = Omit<InferTypeOf<typeof RepairJob>, "status_changes" | "events" | "photos">;
export type RepairJobEventRecord = Omit<InferTypeOf<typeof RepairJobEvent>, "repair_job">;
export type RepairJobPhotoRecord = Omit<InferTypeOf<typeof RepairJobPhoto>, "repair_job">;

/** Who did something, as recorded on the job's timeline. */
export interface ActorRef {
  id: string | null;
  name: string;
}

export interface StatusChangeRecord {
  id: string;
  from_status: RepairStatus | null;
  to_status: RepairStatus;
  note: string | null;
  changed_by: string;
  changed_at: Date | string;
}

/** The slice of the platform plugin's Temporal module (TemporalClientService) that repair workflows use. */
export interface LifecycleStarter {
  readonly namespace: string;
  start(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] }): Promise<unknown>;
  signalWithStart(opts: {
    workflowType: string; workflowId: string; taskQueue: string; args: unknown[]; signal: string; signalArgs: unknown[];
  }): Promise<void>;
  terminate(workflowId: string, reason: string): Promise<void>;
  /** False when the workflow has ended or never started. */
  signalIfRunning(workflowId: string, signal: string, args: unknown[]): Promise<boolean>;
  inspect(workflowId: string, query: string): Promise<{
    workflowId: string; runId: string; status: string; startedAt: string; closedAt: string | null; state: unknown;
  } | null>;
}
/** The platform plugin's Temporal client module key. */
export { TEMPORAL_MODULE as TEMPORAL_MODULE_KEY } from "@voltura/plugin-platform/modules/temporal";
