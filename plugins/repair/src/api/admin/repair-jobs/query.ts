import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { RepairStatus } from "@voltura/domain";
import type { listRepairJobsQuerySchema, RepairJob } from "@voltura/contracts";
import type { z } from "zod";
import { EXACT_COUNT_LIMIT, jobListStatements, rows, sqlConnection, type SqlRow } from "@voltura/medusa-kit";
import { CARD_COLUMNS, CUSTOMER } from "../../../modules/repair/sql/board-sql";
import { jobSla } from "../../../domain/job-sla";

export const JOB_FIELDS = [
  "id", "job_number", "status", "device_type", "brand", "model", "issue", "priority",
  "customer_name", "customer_phone", "workflow_id", "created_by", "created_at", "updated_at",
  "imei_serial", "colour", "accessories", "condition_notes", "deposit_sen", "technician_id", "technician_name",
  "diagnosis", "received_at", "sla_due_at", "sla_paused_seconds", "sla_paused_since", "eta", "completed_at",
  "delivered_at", "tracking_token",
  "customer.id",
];

const DETAIL_FIELDS = [
  ...JOB_FIELDS,
  "status_changes.id", "status_changes.from_status", "status_changes.to_status", "status_changes.note",
  "status_changes.changed_by", "status_changes.changed_at",
  "events.id", "events.kind", "events.detail", "events.actor", "events.actor_id", "events.at",
  "photos.id", "photos.file_id", "photos.url", "photos.tag", "photos.caption", "photos.mime_type", "photos.size_bytes",
  "photos.taken_by", "photos.taken_by_id", "photos.created_at",
];

type Child = Record<string, unknown>;
export type JobRow = Record<string, unknown> & {
  customer?: { id: string } | null;
  status_changes?: Child[];
  events?: Child[];
  photos?: Child[];
};

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
const byTime = (key: string) => (a: Child, b: Child) => String(a[key]).localeCompare(String(b[key]));

/**
 * Shapes a query.graph row as the API's RepairJob: dates as ISO strings, customer_id flattened,
 * the SLA computed as of `now` (the clock's stored fields stay internal), children oldest first.
 */
export function toApiJob(row: JobRow, now = new Date()): RepairJob {
  const { customer, status_changes, events, photos, sla_paused_seconds, sla_paused_since, ...rest } = row;
  const job = {
    ...rest,
    customer_id: customer?.id ?? null,
    created_at: iso(rest.created_at),
    updated_at: iso(rest.updated_at),
    received_at: isoOrNull(rest.received_at ?? rest.created_at),
    sla_due_at: isoOrNull(rest.sla_due_at),
    eta: isoOrNull(rest.eta),
    completed_at: isoOrNull(rest.completed_at),
    delivered_at: isoOrNull(rest.delivered_at),
    accessories: Array.isArray(rest.accessories) ? rest.accessories : [],
    deposit_sen: Number(rest.deposit_sen ?? 0),
    sla: rest.sla_due_at
      ? jobSla({
        status: rest.status as RepairStatus,
        sla_due_at: rest.sla_due_at as Date | string,
        sla_paused_seconds: Number(sla_paused_seconds ?? 0),
        sla_paused_since: (sla_paused_since ?? null) as Date | string | null,
      }, now)
      : undefined,
    // Rows come from query.graph (detail) and from the list's raw SQL (cards) as untyped records; the API shape is
    // the model's columns as read, with dates made ISO above and the children added below.
  } as unknown as RepairJob;
  if (status_changes) {
    job.status_history = status_changes
      .map((c) => ({ ...c, changed_at: iso(c.changed_at) }) as NonNullable<RepairJob["status_history"]>[number])
      .sort(byTime("changed_at"));
  }
  if (events) {
    job.events = events.map((e) => ({ ...e, at: iso(e.at), actor_id: e.actor_id ?? null }) as NonNullable<RepairJob["events"]>[number]).sort(byTime("at"));
  }
  if (photos) {
    job.photos = photos
      .map((p) => ({ ...p, created_at: iso(p.created_at), size_bytes: Number(p.size_bytes) }) as NonNullable<RepairJob["photos"]>[number])
      .sort(byTime("created_at"));
  }
  return job;
}

export async function loadRepairJob(scope: MedusaContainer, id: string): Promise<RepairJob> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "repair_job", fields: DETAIL_FIELDS, filters: { id } });
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${id} was not found`);
  return toApiJob(data[0] as JobRow);
}

/** A row of modules/repair/sql/board-sql.ts's CARD_COLUMNS + CUSTOMER as the API's RepairJob. */
export function jobFromCardRow({ linked_customer_id, ...row }: SqlRow, now = new Date()): RepairJob {
  return toApiJob({ ...row, customer: linked_customer_id ? { id: String(linked_customer_id) } : null } as JobRow, now);
}

/**
 * Jobs by id, in the order of `ids`: one SQL statement (a list page, the SLA breaches). query.graph
 * would hydrate ORM entities and join the customer link across modules, about 15 ms of CPU per page.
 */
export async function loadRepairJobsByIds(scope: MedusaContainer, ids: string[]): Promise<RepairJob[]> {
  if (!ids.length) return [];
  const found = await rows(sqlConnection(scope), `SELECT ${CARD_COLUMNS}, ${CUSTOMER} FROM repair_job j WHERE j.id = ANY(?::text[]) AND j.deleted_at IS NULL`, [ids]);
  const byId = new Map(found.map((row) => [String(row.id), row]));
  const now = new Date();
  return ids.flatMap((id) => (byId.has(id) ? [jobFromCardRow(byId.get(id)!, now)] : []));
}

export type ListRepairJobsOptions = z.output<typeof listRepairJobsQuerySchema> & { callerId?: string };

/**
 * One page of the list: ids by indexed SQL (see medusa-kit repair-job-list-sql.ts), then the jobs themselves.
 * The count is exact up to EXACT_COUNT_LIMIT and estimated beyond, so a page never counts every row.
 */
export async function listRepairJobs(
  scope: MedusaContainer,
  opts: ListRepairJobsOptions,
  now = new Date(),
): Promise<{ jobs: RepairJob[]; count: number; count_estimated: boolean }> {
  const db = sqlConnection(scope);
  const statements = jobListStatements(opts, now, opts);
  const page = await rows(db, statements.page.sql, statements.page.bindings);
  const [counted] = await rows(db, statements.count.sql, statements.count.bindings);
  let count = Number(counted?.n ?? 0);
  const estimated = count > EXACT_COUNT_LIMIT;
  if (estimated) {
    const [plan] = await rows(db, statements.estimate.sql, statements.estimate.bindings);
    const json = (plan?.["QUERY PLAN"] ?? []) as Array<{ Plan?: { "Plan Rows"?: number } }>;
    count = Math.max(count, Math.round(Number(json[0]?.Plan?.["Plan Rows"] ?? 0)));
  }
  return { jobs: await loadRepairJobsByIds(scope, page.map((r) => String(r.id))), count, count_estimated: estimated };
}
