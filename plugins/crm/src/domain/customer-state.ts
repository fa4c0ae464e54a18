import { normaliseImeiSerial, type CustomerType, type DeviceType } from "@voltura/domain";

/** A CRM profile's own fields (type, tags, last visit), as written and as restored by a compensation. */
export interface ProfileState {
  customer_type: CustomerType;
  tags: string[];
  last_visit_at: Date | string | null;
}

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

/** The fields of a new device. */
export interface NewDevice {
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial: string | null;
  colour: string | null;
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

/** The profile a customer without one gets: walk-in, no tags. */
export const WALK_IN_PROFILE: ProfileState = { customer_type: "walk_in", tags: [], last_visit_at: null };

export function asTags(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

export function profileState(profile: ProfileRow): ProfileState {
  return { customer_type: profile.customer_type, tags: [...profile.tags], last_visit_at: profile.last_visit_at };
}

/** The customer's device with this IMEI / serial, if they have one. */
export function deviceWithImei(devices: readonly DeviceRow[], imei: string | null | undefined): DeviceRow | null {
  const wanted = normaliseImeiSerial(imei);
  return wanted ? (devices.find((d) => normaliseImeiSerial(d.imei_serial) === wanted) ?? null) : null;
}

/** Display name of a Medusa customer ("Aisyah Rahman"), falling back to the email or phone. */
export function customerName(c: { first_name?: string | null; last_name?: string | null; email?: string | null; phone?: string | null }): string {
  return [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || c.phone || "(no name)";
}

/** The CRM lock on one customer: it serialises their profile, device and note writes and merges. */
export const customerLockKey = (customerId: string) => `crm:customer:${customerId}`;
