import type { Priority, RepairStatus, StaffRole } from "@voltura/domain";

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
