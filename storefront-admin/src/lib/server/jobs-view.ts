import { formatPhoneForDisplay } from "@voltura/domain";
import type { DashboardJob } from "@voltura/contracts";
import type { JobRow } from "$lib/types";
import { formatDateTime } from "$lib/i18n/format";
import { DEVICE_TYPE_LABELS, deviceName } from "$lib/repair/labels";

/** A repair job as the tables show it: phone in Malaysian format, times in shop time. */
export function jobRow(job: DashboardJob): JobRow {
  return {
    id: job.id,
    jobNumber: job.job_number,
    customerName: job.customer_name,
    customerPhone: formatPhoneForDisplay(job.customer_phone),
    device: deviceName(job),
    deviceType: DEVICE_TYPE_LABELS[job.device_type],
    status: job.status,
    priority: job.priority,
    createdAt: formatDateTime(job.created_at),
    technicianName: job.technician_name,
    sla: job.sla,
  };
}
