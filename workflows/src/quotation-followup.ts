import { ApplicationFailure, condition, log, proxyActivities, setHandler } from "@temporalio/workflow";
import { quotationClosedSchema, quotationFollowUpInputSchema, type QuotationFollowUpInput } from "@voltura/domain";
import type { InvoicingActivities } from "./activities/invoicing.js";
import {
  quotationClosedSignal, quotationFollowUpStateQuery, quotationReminderKey, type QuotationFollowUpState,
} from "./quotation-followup-definitions.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

const DAY_MS = 86_400_000;

const invoicing = proxyActivities<InvoicingActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "5 seconds", backoffCoefficient: 2, maximumInterval: "10 minutes", maximumAttempts: 10 },
});

/**
 * Follow-up for a sent quotation (id `quotation-followup-<number>`): reminds the customer on the
 * given days after sending while the quotation is valid, and marks it expired when its validity
 * ends. Stops on the `quotationClosed` signal (accepted, declined, converted) or when a reminder
 * finds the quotation answered, the contact opted out or no phone.
 */
export async function quotationFollowUp(raw: QuotationFollowUpInput): Promise<QuotationFollowUpState> {
  const parsed = quotationFollowUpInputSchema.safeParse(raw);
  if (!parsed.success) throw ApplicationFailure.nonRetryable(`Invalid quotation follow-up input: ${parsed.error.message}`, "InvalidQuotationFollowUpInput");
  const input = parsed.data;
  const state: QuotationFollowUpState = { quotationNumber: input.quotationNumber, sent: [], stoppedBy: null, expired: false };
  const stopped = () => state.stoppedBy !== null;
  setHandler(quotationClosedSignal, (signal) => {
    const closed = quotationClosedSchema.safeParse(signal);
    if (closed.success) state.stoppedBy ??= closed.data.status;
    else log.warn("Ignored an invalid quotationClosed signal");
  });
  setHandler(quotationFollowUpStateQuery, () => ({ ...state, sent: [...state.sent] }));

  const startedAt = Date.now();
  const validUntil = Date.parse(input.validUntil);
  const waitUntil = async (atMs: number) => {
    const remaining = atMs - Date.now();
    return stopped() || remaining <= 0 ? stopped() : condition(stopped, remaining);
  };

  for (const day of [...input.reminderDays].sort((a, b) => a - b)) {
    const at = startedAt + day * DAY_MS;
    if (at >= validUntil) break;
    if (await waitUntil(at)) break;
    const outcome = await invoicing.sendQuotationReminder({
      quotationId: input.quotationId, reminderDay: day, idempotencyKey: quotationReminderKey(input.quotationNumber, day),
    });
    if (outcome !== "sent") {
      state.stoppedBy ??= outcome;
      break;
    }
    state.sent.push(day);
  }
  if (!stopped() && !(await waitUntil(validUntil))) {
    state.expired = (await invoicing.expireQuotation({ quotationId: input.quotationId })) === "expired";
  }
  return state;
}
