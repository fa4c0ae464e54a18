import type { DeviceType, Priority, RepairStatus } from "@voltura/domain";

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
  start(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] }): Promise<unknown>;
  signalWithStart(opts: {
    workflowType: string; workflowId: string; taskQueue: string; args: unknown[]; signal: string; signalArgs: unknown[];
  }): Promise<void>;
  terminate(workflowId: string, reason: string): Promise<void>;
}
export const TEMPORAL_MODULE_KEY = "temporal";
