import type { FilterableCustomerProps, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { classifyCustomerSearch, escapeLike } from "@voltura/domain";
import type { CrmCustomerDetail, CrmCustomerSummary, listCrmCustomersQuerySchema } from "@voltura/medusa-client";
import type { z } from "zod";
import { CRM_MODULE } from "../../../modules/crm/index";
import type CrmModuleService from "../../../modules/crm/service";
import { DETAIL_FIELDS, SUMMARY_FIELDS, toDevices, toNotes, toPurchase, toRepairJobs, toSummary, type CustomerGraphRow } from "./shapes";

export type ListQuery = z.output<typeof listCrmCustomersQuerySchema>;
type Filters = Record<string, unknown>;

/** Digits in order with anything between them: finds "012-345 6789" as well as "+60123456789". */
const digitsInOrder = (digits: string) => `%${digits.split("").join("%")}%`;

/** Customer-module filters for the search box: phone in any format, or name / company / email words. */
export function searchFilters(q: string | undefined): Filters {
  if (!q) return {};
  const search = classifyCustomerSearch(q);
  switch (search.kind) {
    case "phone":
      return { $or: [{ phone: search.e164 }, { phone: { $like: digitsInOrder(search.e164.replace(/\D/g, "").slice(-9)) } }] };
    case "phone_prefix":
      return { phone: { $like: `${search.prefix}%` } };
    case "phone_contains":
      return { phone: { $like: `%${search.digits}%` } };
    case "text":
      return {
        $and: search.terms.map((term) => {
          const like = { $ilike: `%${escapeLike(term)}%` };
          return { $or: [{ first_name: like }, { last_name: like }, { company_name: like }, { email: like }] };
        }),
      };
  }
}

async function graph(scope: MedusaContainer, entity: string, fields: string[], filters: Filters) {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters });
  return data as Array<Record<string, unknown>>;
}

const linkedCustomerIds = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => (r.customer as { id?: string } | null)?.id).filter((id): id is string => !!id);

/** Customers matching the CRM-side filters, or null when none is given. */
async function customerIdsFromCrmFilters(scope: MedusaContainer, q: ListQuery): Promise<Set<string> | null> {
  let ids: Set<string> | null = null;
  const narrow = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set;
  };
  if (q.type || q.tag || q.last_visit_before || q.last_visit_after) {
    const crm = scope.resolve<CrmModuleService>(CRM_MODULE);
    const profileIds = await crm.listProfileIdsMatching({
      customer_type: q.type, tag: q.tag, last_visit_before: q.last_visit_before, last_visit_after: q.last_visit_after,
    });
    const matched = profileIds.length ? linkedCustomerIds(await graph(scope, "customer_profile", ["id", "customer.id"], { id: profileIds })) : [];
    // Customers without a profile yet are walk-ins with no tags and no recorded visit.
    if (q.type === "walk_in" && !q.tag && !q.last_visit_before && !q.last_visit_after) matched.push(...(await customerIdsWithoutProfile(scope)));
    narrow(matched);
  }
  if (q.device_type) narrow(linkedCustomerIds(await graph(scope, "device", ["id", "customer.id"], { device_type: q.device_type })));
  return ids;
}

async function customerIdsWithoutProfile(scope: MedusaContainer): Promise<string[]> {
  const rows = await graph(scope, "customer", ["id", "customer_profile.id"], {});
  return rows.filter((r) => !r.customer_profile).map((r) => String(r.id));
}

/** Summaries in the order of `ids`. */
async function summaries(scope: MedusaContainer, ids: string[]): Promise<CrmCustomerSummary[]> {
  if (!ids.length) return [];
  const rows = (await graph(scope, "customer", SUMMARY_FIELDS, { id: ids })) as unknown as CustomerGraphRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((s): s is CrmCustomerSummary => !!s);
}

export async function listCrmCustomers(scope: MedusaContainer, q: ListQuery): Promise<{ customers: CrmCustomerSummary[]; count: number }> {
  const crmIds = await customerIdsFromCrmFilters(scope, q);
  if (crmIds && !(crmIds as Set<string>).size) return { customers: [], count: 0 };
  const filters = { ...searchFilters(q.q), ...(crmIds ? { id: [...(crmIds as Set<string>)] } : {}) } as FilterableCustomerProps;
  const customers = scope.resolve(Modules.CUSTOMER);
  const desc = q.order.startsWith("-");
  const direction: "ASC" | "DESC" = desc ? "DESC" : "ASC";

  if (q.order.endsWith("last_visit_at")) {
    // The last visit lives in the CRM profile, so this order is applied after the search.
    const all = await customers.listCustomers(filters, { select: ["id"], take: null });
    const rows = all.length ? await graph(scope, "customer", ["id", "created_at", "customer_profile.last_visit_at"], { id: all.map((c) => c.id) }) : [];
    const visit = (r: Record<string, unknown>) => {
      const at = (r.customer_profile as { last_visit_at?: unknown } | null)?.last_visit_at;
      return at ? new Date(String(at)).getTime() : null;
    };
    const sorted = rows.sort((a, b) => {
      const va = visit(a), vb = visit(b);
      if (va === vb) return String(a.id).localeCompare(String(b.id));
      if (va === null) return 1; // never visited: last either way
      if (vb === null) return -1;
      return desc ? vb - va : va - vb;
    });
    const page = sorted.slice(q.offset, q.offset + q.limit).map((r) => String(r.id));
    return { customers: await summaries(scope, page), count: rows.length };
  }

  const order: Record<string, "ASC" | "DESC"> = q.order.endsWith("name")
    ? { first_name: direction, last_name: direction, id: "ASC" }
    : { created_at: direction, id: "ASC" };
  const [page, count] = await customers.listAndCountCustomers(filters, { select: ["id"], skip: q.offset, take: q.limit, order });
  return { customers: await summaries(scope, page.map((c) => c.id)), count };
}

/** Everything the customer page shows: profile, devices, repair jobs with status, purchases and notes. */
export async function loadCrmCustomer(scope: MedusaContainer, id: string): Promise<CrmCustomerDetail> {
  const [row] = (await graph(scope, "customer", DETAIL_FIELDS, { id })) as unknown as CustomerGraphRow[];
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
