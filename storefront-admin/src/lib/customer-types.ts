import type { CustomerType, DeviceType, Priority, RepairStatus } from "@voltura/domain";

/** A customer as the list shows it (formatted on the server, in shop time). */
export interface CustomerRow {
  id: string;
  name: string;
  phone: string;
  phoneE164: string | null;
  email: string | null;
  type: CustomerType;
  typeLabel: string;
  tags: string[];
  deviceCount: number;
  jobCount: number;
  lastVisit: string | null;
  lastVisitIso: string | null;
}

export interface CustomerDeviceRow {
  id: string;
  deviceType: DeviceType;
  deviceTypeLabel: string;
  name: string;
  imeiSerial: string | null;
  colour: string | null;
  jobCount: number;
  addedAt: string;
}

export interface CustomerJobRow {
  id: string;
  jobNumber: string;
  status: RepairStatus;
  priority: Priority;
  device: string;
  issue: string;
  createdAt: string;
  createdAtIso: string;
}

export interface CustomerPurchaseRow {
  id: string;
  number: string;
  status: string;
  itemCount: number;
  total: string;
  createdAt: string;
  createdAtIso: string;
}

export interface CustomerNoteRow {
  id: string;
  body: string;
  author: string;
  createdAt: string;
  createdAtIso: string;
}
