import { formatPhoneForDisplay, formatShopTime, type DeviceType } from "@voltura/domain";
import type { DashboardJob } from "@voltura/medusa-client";
import type { JobRow } from "$lib/types";

export const DEVICE_LABELS: Record<DeviceType, string> = {
  phone: "Phone",
  tablet: "Tablet",
  laptop: "Laptop",
  console: "Game console",
  other: "Other",
};

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
    createdAt: formatShopTime(job.created_at),
    technicianName: job.technician_name,
    sla: job.sla,
  };
}
