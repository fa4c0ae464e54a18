import {
  deviceTypeSchema,
  formatPhoneForDisplay,
  prioritySchema,
  repairStatusSchema,
  SHOP_TIME_ZONE,
  toSafeCsv,
  type CsvCell,
} from "@voltura/domain";
import type { ListRepairJobsQuery, RepairJob, RepairJobListSort } from "@voltura/contracts";
import type { CommerceClient } from "@voltura/medusa-client";
import { parsePage, parseSort, sortParam, type SortState } from "$lib/components/data-table/url-state";
import { DEVICE_TYPE_LABELS, PRIORITY_LABELS, REPAIR_STATUS_LABELS } from "$lib/repair/labels";
import { shopDateTimeForCsv } from "./customers-csv";

/** The /jobs list's sortable columns (each has its index in commerce) and its default order. */
export const JOB_SORT_KEYS = ["created_at", "received_at", "sla_due_at"] as const;
export const DEFAULT_JOB_SORT = "-created_at";

/** The /jobs list's view as the URL states it. */
export interface JobsListView {
  q: string;
  status: ListRepairJobsQuery["status"] | null;
  priority: ListRepairJobsQuery["priority"] | null;
  technician: string | null;
  device: ListRepairJobsQuery["device_type"] | null;
  breached: boolean;
  sort: SortState;
  page: number;
}

export function parseJobsView(p: URLSearchParams): JobsListView {
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    status: repairStatusSchema.safeParse(p.get("status")).data ?? null,
    priority: prioritySchema.safeParse(p.get("priority")).data ?? null,
    technician: (p.get("technician") ?? "").trim().slice(0, 100) || null,
    device: deviceTypeSchema.safeParse(p.get("device")).data ?? null,
    breached: p.get("breached") === "1" || p.get("breached") === "true",
    sort: parseSort(p.get("sort"), JOB_SORT_KEYS, DEFAULT_JOB_SORT),
    page: parsePage(p.get("page")),
  };
}

/** The commerce query of a view (one page, or a batch of the export). */
export function jobsListQuery(view: JobsListView, window: { limit: number; offset: number }): ListRepairJobsQuery {
  return {
    q: view.q || undefined,
    status: view.status ?? undefined,
    priority: view.priority ?? undefined,
    technician_id: view.technician ?? undefined,
    device_type: view.device ?? undefined,
    breached: view.breached || undefined,
    sort: sortParam(view.sort) as RepairJobListSort,
    ...window,
  };
}

/** The export's ceiling: a list larger than this is cut (the audit row says how many rows left). */
export const MAX_JOBS_EXPORTED = 5_000;
const BATCH = 200;

/** Every job of the view in its order, in batches of 200, up to `max`. */
export async function readAllJobs(commerce: CommerceClient, view: JobsListView, max = MAX_JOBS_EXPORTED): Promise<RepairJob[]> {
  const jobs: RepairJob[] = [];
  while (jobs.length < max) {
    const limit = Math.min(BATCH, max - jobs.length);
    const page = await commerce.listRepairJobs(jobsListQuery(view, { limit, offset: jobs.length }));
    jobs.push(...page.repair_jobs);
    if (page.repair_jobs.length < limit) break;
  }
  return jobs;
}

export const JOBS_CSV_HEADER = [
  "Job number", "Status", "Priority", "Customer", "Phone", "Device type", "Brand", "Model", "Issue",
  "Technician", "Received", "SLA due", "Overdue", "Completed", "Delivered", "Job ID",
] as const;

/** The fields of a job the CSV export writes. */
export type JobCsvRow = Pick<
  RepairJob,
  "id" | "job_number" | "status" | "priority" | "customer_name" | "customer_phone" | "device_type" | "brand" | "model" | "issue"
  | "technician_name" | "received_at" | "sla" | "sla_due_at" | "completed_at" | "delivered_at"
>;

/** RFC 4180 CSV with a byte order mark; times in shop time; every text cell spreadsheet-safe. */
export function jobsCsv(jobs: readonly JobCsvRow[], timeZone: string = SHOP_TIME_ZONE): string {
  const rows: CsvCell[][] = jobs.map((j) => [
    j.job_number,
    REPAIR_STATUS_LABELS[j.status],
    PRIORITY_LABELS[j.priority],
    j.customer_name,
    formatPhoneForDisplay(j.customer_phone),
    DEVICE_TYPE_LABELS[j.device_type],
    j.brand,
    j.model,
    j.issue,
    j.technician_name ?? "",
    shopDateTimeForCsv(j.received_at, timeZone),
    shopDateTimeForCsv(j.sla?.due_at ?? j.sla_due_at, timeZone),
    j.sla?.breached ? "yes" : "no",
    shopDateTimeForCsv(j.completed_at, timeZone),
    shopDateTimeForCsv(j.delivered_at, timeZone),
    j.id,
  ]);
  return toSafeCsv(JOBS_CSV_HEADER, rows, { bom: true, crlf: true });
}

export function jobsCsvFilename(now: Date = new Date(), timeZone: string = SHOP_TIME_ZONE): string {
  return `repair-jobs-${shopDateTimeForCsv(now.toISOString(), timeZone).slice(0, 10)}.csv`;
}
