import type { BillingTotals, PartGrade, PhotoTag, Priority, RepairStatus } from "@voltura/domain";
import type { SlaSnapshot } from "./sla";
import type { TimelineEntry } from "./timeline";

/** A job on the board, in "My jobs" and in tables (formatted on the server, in shop time). */
export interface JobCard {
  id: string;
  jobNumber: string;
  status: RepairStatus;
  priority: Priority;
  customerFirstName: string;
  customerName: string;
  device: string;
  deviceType: string;
  technicianName: string | null;
  sla: SlaSnapshot;
  eta: string | null;
  issue: string;
  updatedAt: string;
}

export interface PhotoView {
  id: string;
  url: string;
  tag: PhotoTag;
  caption: string | null;
  takenBy: string;
  at: string;
}

/** The job workspace's job (formatted on the server, in shop time). */
export interface JobDetail {
  id: string;
  jobNumber: string;
  status: RepairStatus;
  priority: Priority;
  deviceType: string;
  brand: string;
  model: string;
  issue: string;
  customerId: string | null;
  customerName: string;
  customerPhone: string;
  customerPhoneE164: string;
  imeiSerial: string | null;
  colour: string | null;
  accessories: string[];
  conditionNotes: string | null;
  depositSen: number;
  technicianId: string | null;
  technicianName: string | null;
  receivedAt: string;
  eta: string | null;
  /** The ETA as a datetime-local value in shop time (for the edit field). */
  etaInput: string;
  diagnosis: string | null;
  createdBy: string;
  completedAt: string | null;
  deliveredAt: string | null;
  trackingToken: string;
  sla: SlaSnapshot;
  photos: PhotoView[];
  timeline: TimelineEntry[];
}

export interface LineView {
  id: string;
  kind: "part" | "labour" | "fee";
  title: string;
  sku: string | null;
  grade: PartGrade | null;
  quantity: number;
  unitPriceSen: number;
  hours: number | null;
  rateSen: number | null;
  amountSen: number;
  waived: boolean;
  warrantyDays: number;
  /** Part lines: "reserved" until completion, then "used" (taken out of stock). */
  stock: "reserved" | "used" | null;
}

export interface QuoteView {
  version: number;
  status: "draft" | "sent" | "approved" | "rejected";
  totalSen: number;
  sentAt: string | null;
  sentBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  channel: string | null;
  decisionNote: string | null;
}

export interface PaymentView {
  id: string;
  method: string;
  amountSen: number;
  tenderedSen: number;
  reference: string | null;
  collectedBy: string | null;
  receivedBy: string;
  at: string;
}

export interface BillingView {
  lines: LineView[];
  totals: BillingTotals;
  quote: QuoteView | null;
  invoice: { number: string; issuedAt: string; totalSen: number; depositSen: number; amountDueSen: number } | null;
  payments: PaymentView[];
  /** Still owed on the invoice after the payments taken (0 when paid or not invoiced). */
  outstandingSen: number;
  claimOf: { warrantyId: string; originalJobId: string } | null;
}
