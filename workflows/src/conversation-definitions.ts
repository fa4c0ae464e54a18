import { defineQuery, defineSignal } from "@temporalio/workflow";
import { CONVERSATION, type ConversationInbound, type HandoffClosed, type HandoffOpened, type StaffReplied } from "@voltura/domain";
import type { ConversationSummary } from "./conversation-state.js";

/** An inbound WhatsApp message (from the concierge's subscriber, signal-with-start). */
export const inboundSignal = defineSignal<[ConversationInbound]>(CONVERSATION.signals.inbound);
export const handoffOpenedSignal = defineSignal<[HandoffOpened]>(CONVERSATION.signals.handoffOpened);
export const staffRepliedSignal = defineSignal<[StaffReplied]>(CONVERSATION.signals.staffReplied);
export const handoffClosedSignal = defineSignal<[HandoffClosed]>(CONVERSATION.signals.handoffClosed);
export const conversationStateQuery = defineQuery<ConversationSummary>(CONVERSATION.query);

/** The failure type when the workflow is started with an input it cannot use. */
export const INVALID_CONVERSATION_INPUT = "InvalidConversationInput";
