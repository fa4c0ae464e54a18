/** Activities of the invoicing flows (quotation follow-up), as workflows see them (types only). */
import type { QuotationReminderOutcome } from "@voltura/domain";

export interface QuotationReminderInput {
  quotationId: string;
  /** Days after sending this reminder belongs to (part of the idempotency key). */
  reminderDay: number;
  idempotencyKey: string;
}

export interface InvoicingActivities {
  /** Sends the reminder with the quotation PDF by WhatsApp, unless the quotation is no longer open. */
  sendQuotationReminder(input: QuotationReminderInput): Promise<QuotationReminderOutcome>;
  /** Marks a still-open quotation expired once its validity has passed. */
  expireQuotation(input: { quotationId: string }): Promise<"expired" | "closed">;
}
