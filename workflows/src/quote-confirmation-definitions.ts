import { defineQuery, defineSignal } from "@temporalio/workflow";
import { QUOTE_CONFIRMATION, type CounterDecision, type CustomerReply, type QuoteFlowState } from "@voltura/domain";

/** The concierge's conversation workflow recognised "setuju" / "tak setuju" in the customer's chat. */
export const customerReplySignal = defineSignal<[CustomerReply]>(QUOTE_CONFIRMATION.signals.customerReply);
/** The decision was recorded at the counter (commerce has it already). */
export const counterDecisionSignal = defineSignal<[CounterDecision]>(QUOTE_CONFIRMATION.signals.counterDecision);
export const quoteStateQuery = defineQuery<QuoteFlowState>(QUOTE_CONFIRMATION.query);
