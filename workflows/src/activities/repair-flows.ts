/** Activities of the repair flows (quote confirmation, pickup reminders), as workflows see them (types only). */
import type { QuoteDecision } from "@voltura/domain";
import type { SendWhatsAppOutcome, SendWhatsAppRequest, WhatsAppActivities } from "./whatsapp.js";

/** What the quote messages need, read from commerce when the flow sends or re-checks. */
export interface QuoteForCustomer {
  jobNumber: string;
  /** The job's status now: a job that left Awaiting Approval gets no reminders. */
  jobStatus: string;
  /** The status of this quote version: only "sent" still waits for the customer. */
  quoteStatus: "draft" | "sent" | "approved" | "rejected" | "missing";
  phone: string;
  customerName: string;
  device: string;
  totalSen: number;
  lines: Array<{ title: string; amountSen: number }>;
  shopName: string;
}

export interface RecordQuoteDecisionInput {
  jobId: string;
  version: number;
  decision: QuoteDecision;
  /** The customer's WhatsApp message that carried the decision. */
  messageId: string;
  text: string;
}

/** `recorded`: this call decided the quote. `already_decided`: it was decided before (counter, a retry). */
export interface RecordQuoteDecisionResult {
  outcome: "recorded" | "already_decided";
  status: "approved" | "rejected";
}

export interface EscalateQuoteInput {
  phone: string;
  jobNumber: string;
  summary: string;
}

export interface PickupReminderTarget {
  jobNumber: string;
  jobStatus: string;
  phone: string;
  customerName: string;
  device: string;
  shopName: string;
}

export interface RepairFlowActivities {
  loadQuoteForCustomer(input: { jobId: string; version: number }): Promise<QuoteForCustomer>;
  /** Runs the commerce core's quote decision as the system actor (source whatsapp); idempotent. */
  recordQuoteDecision(input: RecordQuoteDecisionInput): Promise<RecordQuoteDecisionResult>;
  /** Opens (or finds the open) technician handoff for the customer's chat. */
  escalateQuoteToStaff(input: EscalateQuoteInput): Promise<{ handoffId: string }>;
  loadPickupReminderTarget(input: { jobId: string }): Promise<PickupReminderTarget>;
}

/** The WA stream's send activity (docs/WORKPLAN.md), under the names other flows already import. */
export type SendWhatsAppActivity = WhatsAppActivities;
export type SendWhatsAppInput = SendWhatsAppRequest;
export type SendWhatsAppResult = SendWhatsAppOutcome;
