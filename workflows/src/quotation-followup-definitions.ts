import { defineQuery, defineSignal } from "@temporalio/workflow";
import { QUOTATION_FOLLOWUP, type QuotationClosed, type QuotationReminderOutcome } from "@voltura/domain";

export const quotationClosedSignal = defineSignal<[QuotationClosed]>(QUOTATION_FOLLOWUP.signal);

export interface QuotationFollowUpState {
  quotationNumber: string;
  /** Reminder days already sent. */
  sent: number[];
  /** Why the follow-up ended early: the quotation's answer, or what the reminder found. */
  stoppedBy: QuotationClosed["status"] | Exclude<QuotationReminderOutcome, "sent"> | null;
  expired: boolean;
}

export const quotationFollowUpStateQuery = defineQuery<QuotationFollowUpState>("quotationFollowUpState");

/** Same key on every retry and replay, so a reminder is never sent twice. */
export const quotationReminderKey = (quotationNumber: string, day: number) => `quotation-followup:${quotationNumber}:day${day}`;
