import type { DeviceType, PhotoTag, Priority, RepairJobEventKind, RepairStatus } from "@voltura/domain";

export interface RepairJobRecord {
  id: string;
  job_number: string;
  status: RepairStatus;
  device_type: DeviceType;
  brand: string;
  model: string;
  issue: string;
  priority: Priority;
  customer_name: string;
  customer_phone: string;
  workflow_id: string | null;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
  imei_serial: string | null;
  colour: string | null;
  accessories: string[];
  condition_notes: string | null;
  deposit_sen: number;
  technician_id: string | null;
  technician_name: string | null;
  diagnosis: string | null;
  received_at: Date | string;
  sla_due_at: Date | string;
  sla_paused_seconds: number;
  sla_paused_since: Date | string | null;
  eta: Date | string | null;
  completed_at: Date | string | null;
  delivered_at: Date | string | null;
  tracking_token: string;
}

export interface RepairJobEventRecord {
  id: string;
  kind: RepairJobEventKind;
  detail: Record<string, unknown>;
  actor: string;
  actor_id: string | null;
  at: Date | string;
}

export interface RepairJobPhotoRecord {
  id: string;
  file_id: string;
  url: string;
  tag: PhotoTag;
  caption: string | null;
  mime_type: string;
  size_bytes: number;
  taken_by: string;
  taken_by_id: string | null;
  created_at: Date | string;
}

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

/** The slice of the platform plugin's Temporal module that repair workflows use (resolved by key). */
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
export const TEMPORAL_MODULE_KEY = "temporal";
