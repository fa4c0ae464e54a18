import type { CrmCustomerSummary, CustomerDevice, CustomerNote, CustomerPurchase, CustomerRepairJob } from "@voltura/contracts";
import { ringgitToSen, type CustomerType } from "@voltura/domain";
import { asTags, customerName } from "../../../domain/customer-state";

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown): string | null => (v ? iso(v) : null);
const present = <T>(list: Array<T | null> | null | undefined): T[] => (list ?? []).filter((x): x is T => x != null);

/** A customer as query.graph returns it with the CRM links (fields in SUMMARY_FIELDS / DETAIL_FIELDS). */
export interface CustomerGraphRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  created_at: Date | string;
  customer_profile?: {
    id: string;
    customer_type: CustomerType;
    tags: unknown;
    last_visit_at: Date | string | null;
    notes?: Array<Record<string, unknown> | null> | null;
  } | null;
  devices?: Array<(Record<string, unknown> & { id: string; repair_jobs?: Array<{ id: string } | null> | null }) | null> | null;
  repair_jobs?: Array<(Record<string, unknown> & { id: string }) | null> | null;
}

export const SUMMARY_FIELDS = [
  "id", "first_name", "last_name", "email", "phone", "created_at",
  "customer_profile.id", "customer_profile.customer_type", "customer_profile.tags", "customer_profile.last_visit_at",
  "devices.id", "repair_jobs.id",
];

export const DETAIL_FIELDS = [
  ...SUMMARY_FIELDS,
  "customer_profile.notes.id", "customer_profile.notes.body", "customer_profile.notes.author", "customer_profile.notes.created_at",
  "devices.device_type", "devices.brand", "devices.model", "devices.imei_serial", "devices.colour", "devices.created_at",
  "devices.repair_jobs.id",
  "repair_jobs.job_number", "repair_jobs.status", "repair_jobs.device_type", "repair_jobs.brand", "repair_jobs.model",
  "repair_jobs.issue", "repair_jobs.priority", "repair_jobs.created_at",
];

export function toSummary(row: CustomerGraphRow): CrmCustomerSummary {
  const profile = row.customer_profile ?? null;
  return {
    id: row.id,
    name: customerName(row),
    first_name: row.first_name ?? null,
    last_name: row.last_name ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    // A customer created outside Voltura has no profile until its first CRM write: a walk-in.
    customer_type: profile?.customer_type ?? "walk_in",
    tags: asTags(profile?.tags),
    last_visit_at: isoOrNull(profile?.last_visit_at),
    device_count: present(row.devices).length,
    job_count: present(row.repair_jobs).length,
    created_at: iso(row.created_at),
  };
}

const byNewest = <T extends { created_at: string }>(a: T, b: T) => b.created_at.localeCompare(a.created_at);

export function toDevices(row: CustomerGraphRow): CustomerDevice[] {
  return present(row.devices)
    .map((d) => ({
      id: d.id,
      device_type: d.device_type as CustomerDevice["device_type"],
      brand: String(d.brand),
      model: String(d.model),
      imei_serial: (d.imei_serial as string | null) ?? null,
      colour: (d.colour as string | null) ?? null,
      job_count: present(d.repair_jobs).length,
      created_at: iso(d.created_at),
    }))
    .sort(byNewest);
}

/** Job id → the id of the customer's device it is about (read from the device side of the link). */
function deviceOfJob(row: CustomerGraphRow): Map<string, string> {
  const map = new Map<string, string>();
  for (const device of present(row.devices)) for (const job of present(device.repair_jobs)) map.set(job.id, device.id);
  return map;
}

export function toRepairJobs(row: CustomerGraphRow): CustomerRepairJob[] {
  const devices = deviceOfJob(row);
  return present(row.repair_jobs)
    .map((j) => ({
      id: j.id,
      job_number: String(j.job_number),
      status: j.status as CustomerRepairJob["status"],
      device_type: j.device_type as CustomerRepairJob["device_type"],
      brand: String(j.brand),
      model: String(j.model),
      issue: String(j.issue),
      priority: j.priority as CustomerRepairJob["priority"],
      device_id: devices.get(j.id) ?? null,
      created_at: iso(j.created_at),
    }))
    .sort(byNewest);
}

export function toNotes(row: CustomerGraphRow): CustomerNote[] {
  return present(row.customer_profile?.notes)
    .map((n) => ({ id: String(n.id), body: String(n.body), author: String(n.author), created_at: iso(n.created_at) }))
    .sort(byNewest);
}

/** Medusa amounts come back as numbers or BigNumber objects; either way they are ringgit. */
export function ringgitAmount(value: unknown): number {
  if (value && typeof value === "object" && "numeric" in value) return Number((value as { numeric: unknown }).numeric);
  return Number(value ?? 0);
}

export function toPurchase(order: Record<string, unknown>): CustomerPurchase {
  return {
    id: String(order.id),
    display_id: order.display_id == null ? null : Number(order.display_id),
    status: String(order.status),
    currency_code: String(order.currency_code),
    total_sen: ringgitToSen(ringgitAmount(order.total)),
    item_count: Array.isArray(order.items) ? order.items.filter(Boolean).length : 0,
    created_at: iso(order.created_at),
  };
}
