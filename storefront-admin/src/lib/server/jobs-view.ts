import { formatPhoneForDisplay, type DeviceType } from "@voltura/domain";
import type { DashboardJob } from "@voltura/medusa-client";
import type { JobRow } from "$lib/types";
import { formatDateTime } from "$lib/i18n/format";
import { DEVICE_TYPE_LABELS } from "$lib/repair/labels";

/** Device types in the staff member's language (the repair labels, by code). */
export const DEVICE_LABELS: Readonly<Record<DeviceType, string>> = DEVICE_TYPE_LABELS;

/** A repair job as the tables show it: phone in Malaysian format, times in shop time. */
export function jobRow(job: DashboardJob): JobRow {
  return {
    id: job.id,
    jobNumber: job.job_number,
    customerName: job.customer_name,
    customerPhone: formatPhoneForDisplay(job.customer_phone),
    device: `${job.brand} ${job.model}`.trim(),
    deviceType: DEVICE_LABELS[job.device_type],
    status: job.status,
    priority: job.priority,
    createdAt: formatDateTime(job.created_at),
    technicianName: job.technician_name,
    sla: job.sla,
  };
}
