import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { RepairJob } from "@voltura/medusa-client";

const JOB_FIELDS = [
  "id", "job_number", "status", "device_type", "brand", "model", "issue", "priority",
  "customer_name", "customer_phone", "workflow_id", "created_by", "created_at", "updated_at",
  "customer.id",
];

type Row = Record<string, unknown> & { customer?: { id: string } | null; status_changes?: Array<Record<string, unknown>> };

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Shapes a query.graph row as the API's RepairJob (dates as ISO strings, customer_id flattened). */
export function toApiJob(row: Row): RepairJob {
  const { customer, status_changes, ...rest } = row;
  const job = {
    ...rest,
    customer_id: customer?.id ?? null,
    created_at: iso(rest.created_at),
    updated_at: iso(rest.updated_at),
  } as unknown as RepairJob;
  if (status_changes) {
    job.status_history = status_changes
      .map((c) => ({ ...c, changed_at: iso(c.changed_at) }) as NonNullable<RepairJob["status_history"]>[number])
      .sort((a, b) => a.changed_at.localeCompare(b.changed_at));
  }
  return job;
}

export async function loadRepairJob(scope: MedusaContainer, id: string): Promise<RepairJob> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "repair_job",
    fields: [...JOB_FIELDS, "status_changes.id", "status_changes.from_status", "status_changes.to_status",
      "status_changes.note", "status_changes.changed_by", "status_changes.changed_at"],
    filters: { id },
  });
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${id} was not found`);
  return toApiJob(data[0] as Row);
}

export async function listRepairJobs(
  scope: MedusaContainer,
  opts: { status?: string; q?: string; limit: number; offset: number },
): Promise<{ jobs: RepairJob[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY);
  const filters: Record<string, unknown> = {};
  if (opts.status) filters.status = opts.status;
  if (opts.q) {
    const like = { $ilike: `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` };
    filters.$or = [
      { job_number: like }, { customer_name: like }, { customer_phone: like }, { brand: like }, { model: like },
    ];
  }
  const { data, metadata } = await query.graph({
    entity: "repair_job",
    fields: JOB_FIELDS,
    filters,
    pagination: { skip: opts.offset, take: opts.limit, order: { created_at: "DESC" } },
  });
  return { jobs: (data as Row[]).map(toApiJob), count: metadata?.count ?? data.length };
}
