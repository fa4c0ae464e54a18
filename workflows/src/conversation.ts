import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from "@temporalio/workflow";
import { classifyQuoteReply, isSubscriptionKeyword } from "@voltura/conversation";
import {
  conversationInboundSchema,
  conversationInputSchema,
  handoffClosedSchema,
  handoffOpenedSchema,
  QUOTE_CONFIRMATION,
  staffRepliedSchema,
  type ConversationInbound,
  type ConversationInput,
  type CustomerReply,
} from "@voltura/domain";
import { z } from "zod";
import type { ConciergeActivities } from "./activities/concierge.js";
import { WHATSAPP_SEND_FAILURES, type WhatsAppActivities } from "./activities/whatsapp.js";
import { conversationStateQuery, INVALID_CONVERSATION_INPUT, handoffClosedSignal, handoffOpenedSignal, inboundSignal, staffRepliedSignal } from "./conversation-definitions.js";
import { ConversationState } from "./conversation-state.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

// zod's English messages are a module side effect the workflow bundler drops (see validation.ts).
z.config(z.locales.en());

/** Continue as new well before Temporal's history limits (each message is a handful of events). */
const MAX_HISTORY_EVENTS = 2_000;

/** Commerce reads (quote lookup, escalation): quick, retried through commerce restarts. */
const commerce = proxyActivities<Pick<ConciergeActivities, "findAwaitingQuote" | "escalateHandoff">>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "2 seconds", backoffCoefficient: 2, maximumInterval: "1 minute", maximumAttempts: 8 },
});
/** The answer may wait on a model server; it is idempotent per message id. */
const concierge = proxyActivities<Pick<ConciergeActivities, "answerInbound">>({
  startToCloseTimeout: "90 seconds",
  retry: { initialInterval: "2 seconds", backoffCoefficient: 2, maximumInterval: "30 seconds", maximumAttempts: 5 },
});
/** The WA stream's send: idempotent by key, so a retry never sends twice. */
const whatsapp = proxyActivities<WhatsAppActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "2 seconds", backoffCoefficient: 2, maximumInterval: "1 minute", maximumAttempts: 8, nonRetryableErrorTypes: [WHATSAPP_SEND_FAILURES.optedOut, WHATSAPP_SEND_FAILURES.refused] },
});

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string, phone: string): T | null {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // Signals cannot be refused, and throwing would fail the workflow task over and over.
  log.warn(`Ignored an invalid ${what}`, { phone, error: z.prettifyError(result.error) });
  return null;
}

const failure = (err: unknown) => (err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err));

/**
 * One workflow per WhatsApp chat (id `wa:<E.164>`). Inbound messages arrive as `inbound` signals
 * (signal-with-start), are deduplicated by message id and handled one at a time: a pending
 * quote's "setuju" / "tak setuju" goes to the quote workflow; otherwise the concierge answers and
 * the reply is sent with key `reply:<messageId>`. While a handoff is open the bot stays quiet; an
 * unanswered handoff escalates to the managers once.
 */
export async function conversation(rawInput: ConversationInput): Promise<void> {
  const input = conversationInputSchema.safeParse(rawInput);
  if (!input.success) throw ApplicationFailure.nonRetryable(`Invalid conversation input: ${z.prettifyError(input.error)}`, INVALID_CONVERSATION_INPUT);
  const phone = input.data.phone;
  const state = new ConversationState(phone, input.data.carried);

  setHandler(inboundSignal, (raw) => {
    const message = parse(conversationInboundSchema, raw, "inbound message", phone);
    if (message && !state.enqueue(message)) log.info("Ignored a duplicate message", { phone, messageId: message.messageId });
  });
  setHandler(handoffOpenedSignal, (raw) => {
    const opened = parse(handoffOpenedSchema, raw, "handoffOpened", phone);
    if (opened) state.openHandoff(opened);
  });
  setHandler(staffRepliedSignal, (raw) => {
    const reply = parse(staffRepliedSchema, raw, "staffReplied", phone);
    if (reply) state.staffReplied(reply.at, reply.handoffId);
  });
  setHandler(handoffClosedSignal, (raw) => {
    const closed = parse(handoffClosedSchema, raw, "handoffClosed", phone);
    if (closed) state.closeHandoff(closed.handoffId);
  });
  setHandler(conversationStateQuery, () => state.summary());

  const historyFull = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS;

  for (;;) {
    const delay = state.escalationDelay(Date.now());
    if (delay !== null && delay <= 0) {
      await escalate(state);
      continue;
    }
    const version = state.version;
    const wake = () => state.hasPending() || state.version !== version || historyFull();
    if (delay === null) await condition(wake);
    else await condition(wake, delay);

    for (let message = state.next(); message; message = state.next()) await handle(state, message);
    if (historyFull()) {
      await condition(allHandlersFinished);
      if (!state.hasPending()) return continueAsNew<typeof conversation>(state.continuation());
    }
  }
}

/** Forwards a quote answer to the waiting quote workflow; false when there is none to answer. */
async function forwardQuoteReply(phone: string, message: ConversationInbound): Promise<boolean> {
  const decision = classifyQuoteReply(message.body);
  if (decision === "unclear") return false;
  const awaiting = await commerce.findAwaitingQuote({ phone });
  if (!awaiting) return false;
  const reply: CustomerReply = { decision, messageId: message.messageId, text: message.body.slice(0, 4000) };
  try {
    await getExternalWorkflowHandle(awaiting.workflowId).signal(QUOTE_CONFIRMATION.signals.customerReply, reply);
    return true;
  } catch (err) {
    log.warn("The quote workflow could not be signalled; the concierge answers instead", { phone, workflowId: awaiting.workflowId, error: failure(err) });
    return false;
  }
}

async function handle(state: ConversationState, message: ConversationInbound): Promise<void> {
  const phone = state.phone;
  // STOP / START are the gateway's (opt-out, opt-in): nothing for the concierge to answer.
  if (isSubscriptionKeyword(message.body)) return;
  try {
    if (await forwardQuoteReply(phone, message)) return;
    if (state.quiet) return; // A person has the chat: the message is in the WhatsApp log for them.
    const answer = await concierge.answerInbound({ phone, body: message.body, messageId: message.messageId });
    if (answer.handoff) state.openHandoff({ handoffId: answer.handoff.handoffId, openedAt: new Date(Date.now()).toISOString(), escalateAfterMs: answer.handoff.escalateAfterMs });
    if (!answer.reply) return;
    await whatsapp.sendWhatsApp({ idempotencyKey: `reply:${message.messageId}`, to: phone, body: answer.reply, context: { kind: "concierge", ref: message.messageId } });
    state.answered++;
  } catch (err) {
    // One message failing (commerce down for minutes, an opted-out contact) must not end the chat's workflow.
    log.error("A message could not be answered", { phone, messageId: message.messageId, error: failure(err) });
  }
}

async function escalate(state: ConversationState): Promise<void> {
  const handoffId = state.handoff!.handoffId;
  try {
    const result = await commerce.escalateHandoff({ handoffId });
    state.markEscalated();
    if (!result.escalate) return;
    for (const to of result.managerPhones) {
      await whatsapp.sendWhatsApp({ idempotencyKey: `escalate:${handoffId}:${to}`, to, body: result.alertText, context: { kind: "alert", ref: handoffId } });
    }
  } catch (err) {
    state.markEscalated();
    log.error("The handoff could not be escalated", { phone: state.phone, handoffId, error: failure(err) });
  }
}
