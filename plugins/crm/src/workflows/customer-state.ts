import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import type { CustomerType, DeviceType } from "@voltura/domain";
import type { ProfileState } from "./journal";

export interface ProfileRow extends ProfileState {
  id: string;
}

export interface DeviceRow {
  id: string;
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial: string | null;
  colour: string | null;
  created_at: Date | string;
}

export interface CustomerCrmState {
  customer: { id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null };
  profile: ProfileRow | null;
  /** Most recent first. */
  devices: DeviceRow[];
  repair_job_ids: string[];
}

export const DEVICE_FIELDS = ["id", "device_type", "brand", "model", "imei_serial", "colour", "created_at"] as const;
export const PROFILE_FIELDS = ["id", "customer_type", "tags", "last_visit_at"] as const;

type GraphRow = Record<string, unknown> & {
  customer_profile?: (ProfileRow & { tags: unknown }) | null;
  devices?: Array<DeviceRow | null> | null;
  repair_jobs?: Array<{ id: string } | null> | null;
};

export function asTags(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

export function profileState(profile: ProfileRow): ProfileState {
  return { customer_type: profile.customer_type, tags: [...profile.tags], last_visit_at: profile.last_visit_at };
}

const time = (v: Date | string | null) => (v ? new Date(v).getTime() : 0);

/** A customer with their CRM profile, devices and repair job ids, read through the links. */
export async function loadCustomerCrmState(container: MedusaContainer, customerId: string): Promise<CustomerCrmState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id", "first_name", "last_name", "email", "phone",
      ...PROFILE_FIELDS.map((f) => `customer_profile.${f}`),
      ...DEVICE_FIELDS.map((f) => `devices.${f}`),
      "repair_jobs.id",
    ],
    filters: { id: customerId },
  });
  const row = data[0] as GraphRow | undefined;
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`);
  const profile = row.customer_profile
    ? { ...row.customer_profile, customer_type: row.customer_profile.customer_type as CustomerType, tags: asTags(row.customer_profile.tags) }
    : null;
  return {
    customer: {
      id: String(row.id),
      first_name: (row.first_name as string | null) ?? null,
      last_name: (row.last_name as string | null) ?? null,
      email: (row.email as string | null) ?? null,
      phone: (row.phone as string | null) ?? null,
    },
    profile,
    devices: (row.devices ?? []).filter((d): d is DeviceRow => !!d).sort((a, b) => time(b.created_at) - time(a.created_at)),
    repair_job_ids: (row.repair_jobs ?? []).filter((j): j is { id: string } => !!j).map((j) => j.id),
  };
}

/** Display name of a Medusa customer ("Aisyah Rahman"), falling back to the email or phone. */
export function customerName(c: { first_name?: string | null; last_name?: string | null; email?: string | null; phone?: string | null }): string {
  return [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || c.phone || "(no name)";
}

/** Holds the CRM lock on one or more customers while `job` runs (serialises device and profile writes). */
export function withCustomerLock<T>(container: MedusaContainer, customerIds: string | string[], job: () => Promise<T>): Promise<T> {
  const keys = (Array.isArray(customerIds) ? customerIds : [customerIds]).map(customerLockKey);
  return container.resolve(Modules.LOCKING).execute(keys, job, { timeout: 15 });
}

export const customerLockKey = (customerId: string) => `crm:customer:${customerId}`;
