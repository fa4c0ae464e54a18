import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { CrmCustomerDetail, CrmCustomerSummary, listCrmCustomersQuerySchema } from "@voltura/contracts";
import type { CustomerType } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import type { CustomerSearchInput } from "@voltura/plugin-platform/modules/search/customer-sql";
import { searchCustomers } from "@voltura/plugin-platform/modules/search/search";
import type { z } from "zod";
import { DETAIL_FIELDS, toDevices, toNotes, toPurchase, toRepairJobs, toSummary, type CustomerGraphRow } from "./shapes";

export type ListQuery = z.output<typeof listCrmCustomersQuerySchema>;
type Filters = Record<string, unknown>;

/** Query's rows for an entity named by string are untyped; the caller names the shape it asked `fields` for. */
async function graph<Row = Record<string, unknown>>(scope: MedusaContainer, entity: string, fields: string[], filters: Filters): Promise<Row[]> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters });
  return data;
}

/**
 * Summaries in the order of `ids`, in one SQL statement over the customer, its profile and the
 * device / repair-job link tables (what query.graph reads for SUMMARY_FIELDS), shaped by toSummary.
 */
async function summaries(scope: MedusaContainer, ids: string[]): Promise<CrmCustomerSummary[]> {
  if (!ids.length) return [];
  const found = await rows(
    sqlConnection(scope),
    `SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at,
        p.id AS profile_id, p.customer_type, p.tags, p.last_visit_at,
        array(SELECT dl.device_id FROM customer_customer_crm_device dl JOIN device d ON d.id = dl.device_id AND d.deleted_at IS NULL
               WHERE dl.customer_id = c.id AND dl.deleted_at IS NULL) AS device_ids,
        array(SELECT jl.repair_job_id FROM customer_customer_repair_repair_job jl JOIN repair_job j ON j.id = jl.repair_job_id AND j.deleted_at IS NULL
               WHERE jl.customer_id = c.id AND jl.deleted_at IS NULL) AS job_ids
       FROM customer c
       LEFT JOIN customer_customer_crm_customer_profile cl ON cl.customer_id = c.id AND cl.deleted_at IS NULL
       LEFT JOIN customer_profile p ON p.id = cl.customer_profile_id AND p.deleted_at IS NULL
      WHERE c.id = ANY(?) AND c.deleted_at IS NULL`,
    [ids],
  );
  const byId = new Map(
    found.map((r) => {
      const row: CustomerGraphRow = {
        id: String(r.id),
        first_name: (r.first_name as string | null) ?? null,
        last_name: (r.last_name as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        phone: (r.phone as string | null) ?? null,
        created_at: r.created_at as Date,
        customer_profile: r.profile_id
          ? { id: String(r.profile_id), customer_type: r.customer_type as CustomerType, tags: r.tags, last_visit_at: (r.last_visit_at as Date | null) ?? null }
          : null,
        devices: (r.device_ids as string[]).map((id) => ({ id })),
        repair_jobs: (r.job_ids as string[]).map((id) => ({ id })),
      };
      return [row.id, toSummary(row)] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((s): s is CrmCustomerSummary => !!s);
}

/** The list's query as the search service's customer input (plugins/platform search/customer-sql.ts). */
export function customerSearchInput(q: ListQuery): CustomerSearchInput {
  return {
    q: q.q,
    filters: {
      customer_type: q.type,
      tag: q.tag,
      device_type: q.device_type,
      last_visit_before: q.last_visit_before,
      last_visit_after: q.last_visit_after,
    },
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * One page of customers by the search service's indexed SQL (best match first when searching,
 * then the chosen order), with a count that is exact up to 1,000 and estimated beyond.
 */
export async function listCrmCustomers(scope: MedusaContainer, q: ListQuery): Promise<{ customers: CrmCustomerSummary[]; count: number; count_estimated: boolean }> {
  const db = sqlConnection(scope);
  const input = customerSearchInput(q);
  const found = await searchCustomers(db, input);
  return { customers: await summaries(scope, found.rows.map((row) => row.id)), count: found.count, count_estimated: found.estimated };
}

/** Everything the customer page shows: profile, devices, repair jobs with status, purchases and notes. */
export async function loadCrmCustomer(scope: MedusaContainer, id: string): Promise<CrmCustomerDetail> {
  const [row] = await graph<CustomerGraphRow>(scope, "customer", DETAIL_FIELDS, { id });
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${id} was not found`);
  const orders = await graph(scope, "order", ["id", "display_id", "status", "currency_code", "total", "created_at", "items.id"], { customer_id: id });
  return {
    ...toSummary(row),
    devices: toDevices(row),
    repair_jobs: toRepairJobs(row),
    purchases: orders.map(toPurchase).sort((a, b) => b.created_at.localeCompare(a.created_at)),
    notes: toNotes(row),
  };
}
