import { log, patched, setHandler } from "@temporalio/workflow";
import {
  counterDecisionSchema,
  customerReplySchema,
  quoteConfirmationInputSchema,
  type QuoteConfirmationInput,
  type MessageTemplateKind,
  type QuoteDecision,
  type QuoteFlowState,
} from "@voltura/domain";
import type { QuoteForCustomer } from "./activities/repair-flows.js";
import { counterDecisionSignal, customerReplySignal, quoteStateQuery } from "./quote-confirmation-definitions.js";
import { CLOUD_API_TEMPLATES_PATCH, MESSAGE_TEMPLATES_PATCH, quoteTemplateValues } from "./message-template-values.js";
import {
  lineList,
  quoteConfirmationMessage,
  quoteEscalationSummary,
  quoteMessage,
  quoteMessageKeys,
  quoteReminderMessage,
} from "./quote-confirmation-messages.js";
import { failureMessage, iso, parseFlowInput, repairFlowActivities, waitUntil, whatsAppActivities } from "./repair-flows-support.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

const HOUR_MS = 3_600_000;
/** After escalating, staff have this long to record a decision before the flow gives up waiting. */
const WAIT_AFTER_ESCALATION_MS = 30 * 24 * HOUR_MS;

type PendingDecision =
  | { via: "whatsapp"; decision: QuoteDecision; messageId: string; text: string }
  | { via: "counter"; decision: QuoteDecision; decidedBy: string };

/** The quote is still the customer's to answer: not decided, and the job still waits for approval. */
function stillAwaiting(quote: QuoteForCustomer): boolean {
  return quote.quoteStatus === "sent" && quote.jobStatus === "awaiting_approval";
}

/**
 * One quote version waiting for the customer (id `quote-<jobNumber>`, `…-v<n>` after the first).
 * Sends the quote on WhatsApp, then waits for a `customerReply` (from the concierge) or a
 * `counterDecision`; without either it reminds after `reminderAfterHours` and hands the chat to
 * staff after `escalateAfterHours`. A reply is recorded through commerce, then confirmed.
 */
export async function quoteConfirmation(rawInput: QuoteConfirmationInput): Promise<QuoteFlowState> {
  const input = parseFlowInput(quoteConfirmationInputSchema, rawInput, "quote confirmation");
  const sentAtMs = Date.parse(input.sentAt);
  const reminderAtMs = sentAtMs + input.followUp.reminderAfterHours * HOUR_MS;
  const escalateAtMs = sentAtMs + input.followUp.escalateAfterHours * HOUR_MS;
  const state: QuoteFlowState = {
    jobNumber: input.jobNumber,
    version: input.version,
    phase: "sending",
    sentAt: input.sentAt,
    quoteMessageId: null,
    reminderAt: iso(reminderAtMs),
    escalateAt: iso(escalateAtMs),
    remindedAt: null,
    escalatedAt: null,
    decision: null,
    decidedVia: null,
    closedReason: null,
  };
  let pending: PendingDecision | null = null;
  const decided = () => pending !== null;

  // Signals cannot be refused and a throw would fail the workflow task again and again: a bad
  // payload is logged and dropped. The first decision wins; commerce refuses a second one anyway.
  setHandler(customerReplySignal, (raw) => {
    const reply = customerReplySchema.safeParse(raw);
    if (!reply.success) return log.warn("Ignored an invalid customer reply", { jobNumber: input.jobNumber });
    if (!pending) pending = { via: "whatsapp", ...reply.data };
  });
  setHandler(counterDecisionSignal, (raw) => {
    const decision = counterDecisionSchema.safeParse(raw);
    if (!decision.success) return log.warn("Ignored an invalid counter decision", { jobNumber: input.jobNumber });
    if (!pending) pending = { via: "counter", ...decision.data };
  });
  setHandler(quoteStateQuery, () => ({ ...state }));

  // The shop's own message templates apply at send time (read by the activity); older histories send `body` only.
  const templateOf = (kind: MessageTemplateKind, of: QuoteForCustomer) =>
    patched(MESSAGE_TEMPLATES_PATCH) ? { template: { kind, values: quoteTemplateValues(of, input.version, lineList(of)) } } : {};
  // Outside the customer's 24 h window a Cloud API number may send only the approved template bound to this purpose.
  const purposeOf = (purpose: "quote_sent" | "quote_reminder", of: QuoteForCustomer) =>
    patched(CLOUD_API_TEMPLATES_PATCH) ? { templatePurpose: purpose, variables: quoteTemplateValues(of, input.version, lineList(of)) } : {};

  const close = (reason: string): QuoteFlowState => {
    state.phase = "closed";
    state.closedReason = reason;
    return { ...state };
  };
  const escalate = async (quote: QuoteForCustomer, summary: string) => {
    if (state.escalatedAt) return;
    try {
      await repairFlowActivities.escalateQuoteToStaff({ phone: quote.phone, jobNumber: quote.jobNumber, summary });
    } catch (err) {
      // Keep waiting for the customer or the counter; the failure stays visible in the history.
      return log.error("Could not open a handoff for the quote", { jobNumber: input.jobNumber, error: failureMessage(err) });
    }
    state.escalatedAt = iso(Date.now());
    state.phase = "escalated";
  };

  const quote = await repairFlowActivities.loadQuoteForCustomer({ jobId: input.jobId, version: input.version });
  if (!decided() && !stillAwaiting(quote)) return close(`Quote v${input.version} is ${quote.quoteStatus} and the job ${quote.jobStatus}: nothing to ask`);
  if (!decided()) {
    try {
      const sent = await whatsAppActivities.sendWhatsApp({
        idempotencyKey: quoteMessageKeys.quote(input.jobId, input.version),
        to: quote.phone,
        body: quoteMessage(quote, input.version),
        context: { kind: "quote", ref: input.jobNumber },
        ...templateOf("repair_quote", quote),
        ...purposeOf("quote_sent", quote),
      });
      state.quoteMessageId = sent.messageId;
      state.phase = "awaiting_reply";
    } catch (err) {
      log.warn("The quote could not be sent on WhatsApp", { jobNumber: input.jobNumber, error: failureMessage(err) });
      await escalate(quote, `Quote v${input.version} for job ${quote.jobNumber} could not be sent on WhatsApp (${failureMessage(err)}): please call the customer.`);
    }
  }

  // No answer by the reminder time: remind once, if the quote still waits.
  if (!(await waitUntil(decided, reminderAtMs)) && !state.escalatedAt) {
    const now = await repairFlowActivities.loadQuoteForCustomer({ jobId: input.jobId, version: input.version });
    if (!decided() && !stillAwaiting(now)) return close(`Quote v${input.version} was ${now.quoteStatus} outside this flow`);
    if (!decided()) {
      try {
        await whatsAppActivities.sendWhatsApp({
          idempotencyKey: quoteMessageKeys.reminder(input.jobId, input.version),
          to: now.phone,
          body: quoteReminderMessage(now),
          context: { kind: "quote", ref: input.jobNumber },
          ...templateOf("repair_quote_reminder", now),
          ...purposeOf("quote_reminder", now),
        });
      } catch (err) {
        log.warn("The quote reminder could not be sent", { jobNumber: input.jobNumber, error: failureMessage(err) });
      }
      state.remindedAt = iso(Date.now());
      state.phase = "reminded";
    }
  }

  // Still no answer by the escalation time: a technician takes the chat over.
  if (!(await waitUntil(decided, escalateAtMs)) && !state.escalatedAt) {
    const now = await repairFlowActivities.loadQuoteForCustomer({ jobId: input.jobId, version: input.version });
    if (!decided() && !stillAwaiting(now)) return close(`Quote v${input.version} was ${now.quoteStatus} outside this flow`);
    if (!decided()) await escalate(now, quoteEscalationSummary(now, input.version, input.followUp.escalateAfterHours));
  }

  if (!(await waitUntil(decided, Math.max(escalateAtMs, Date.now()) + WAIT_AFTER_ESCALATION_MS))) {
    return close("No decision within 30 days after escalation");
  }
  return settle(pending!);

  async function settle(decision: PendingDecision): Promise<QuoteFlowState> {
    if (decision.via === "counter") {
      state.decision = decision.decision;
      state.decidedVia = "counter";
      state.phase = "decided";
      return { ...state };
    }
    state.phase = "recording";
    let recorded;
    try {
      recorded = await repairFlowActivities.recordQuoteDecision({
        jobId: input.jobId, version: input.version, decision: decision.decision, messageId: decision.messageId, text: decision.text,
      });
    } catch (err) {
      // Commerce refused the decision (e.g. the job was cancelled meanwhile): a person must look.
      const reason = failureMessage(err);
      await escalate(quote, `The customer answered "${decision.text}" to quote v${input.version} (job ${quote.jobNumber}) but it could not be recorded: ${reason}`);
      return close(`The reply could not be recorded: ${reason}`);
    }
    state.decision = recorded.status === "approved" ? "approve" : "reject";
    state.decidedVia = recorded.outcome === "recorded" ? "whatsapp" : null;
    if (recorded.outcome === "already_decided") state.closedReason = "The quote was decided before the reply was recorded";
    try {
      await whatsAppActivities.sendWhatsApp({
        idempotencyKey: quoteMessageKeys.confirmation(input.jobId, input.version),
        to: quote.phone,
        body: quoteConfirmationMessage(quote, state.decision),
        context: { kind: "quote", ref: input.jobNumber },
        ...templateOf(state.decision === "approve" ? "repair_quote_approved" : "repair_quote_declined", quote),
      });
    } catch (err) {
      log.warn("The decision confirmation could not be sent", { jobNumber: input.jobNumber, error: failureMessage(err) });
    }
    state.phase = "decided";
    return { ...state };
  }
}
