import { z } from "zod";

/**
 * Follow-up reminders for an open quotation: one workflow per quotation, started when it is sent,
 * closed by the signal when it is accepted, declined or converted (or when it expires).
 */
export const QUOTATION_FOLLOWUP = {
  workflowType: "quotationFollowUp",
  signal: "quotationClosed",
  workflowId: (quotationNumber: string) => `quotation-followup-${quotationNumber}`,
} as const;

export const quotationFollowUpInputSchema = z.object({
  quotationId: z.string().min(1),
  quotationNumber: z.string().regex(/^QUO-\d{4}-\d{6,}$/),
  /** Days after sending to remind, ascending (e.g. [3, 7]). */
  reminderDays: z.array(z.number().positive().max(365)).min(1).max(10),
  /** No reminder after the quotation's validity ends. */
  validUntil: z.string().datetime(),
});
export type QuotationFollowUpInput = z.infer<typeof quotationFollowUpInputSchema>;

export const quotationClosedSchema = z.object({ status: z.enum(["accepted", "declined", "converted", "expired", "draft"]) });
export type QuotationClosed = z.infer<typeof quotationClosedSchema>;

/** What the follow-up activity reports back: sent, or why it stopped. */
export type QuotationReminderOutcome = "sent" | "closed" | "opted_out" | "no_phone";
