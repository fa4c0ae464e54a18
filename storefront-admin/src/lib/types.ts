import type { Priority, RepairStatus, StaffRole } from "@voltura/domain";
import type { SlaSnapshot } from "$lib/repair/sla";

/** A repair job as the tables show it (formatted on the server, in shop time). */
export interface JobRow {
  id: string;
  jobNumber: string;
  customerName: string;
  customerPhone: string;
  device: string;
  deviceType: string;
  status: RepairStatus;
  priority: Priority;
  createdAt: string;
  technicianName?: string | null;
  sla?: SlaSnapshot;
}

/** A staff member as the settings page shows it. */
export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole | null;
  roleText: string;
  active: boolean;
}

/** A catalogue item for the parts search (prices in sen, stock at the shop location). */
export interface PartOption {
  variantId: string;
  title: string;
  sku: string | null;
  kind: "part" | "accessory" | "service";
  priceSen: number | null;
  managesStock: boolean;
  /** On the shelf (null for services). */
  stocked: number | null;
  /** Held for open jobs. */
  reserved: number | null;
  /** Free to add to a job: stocked − reserved. */
  available: number | null;
}

/** A repair warranty as staff see it (dates formatted in shop time). */
export interface WarrantyView {
  id: string;
  repairJobId: string;
  jobNumber: string;
  title: string;
  device: string;
  imeiSerial: string | null;
  state: "active" | "expired" | "void";
  daysLeft: number;
  warrantyDays: number;
  startsAt: string;
  endsAt: string;
  voidReason: string | null;
  voidNote: string | null;
  claims: { id: string; jobId: string; issue: string; at: string }[];
}

/** A customer match for the intake typeahead. */
export interface CustomerMatch {
  id: string;
  name: string;
  phone: string | null;
  phoneDisplay: string;
  exact: boolean;
}

/** An active technician, for assignment selects and filters. */
export interface TechnicianOption {
  id: string;
  name: string;
}
