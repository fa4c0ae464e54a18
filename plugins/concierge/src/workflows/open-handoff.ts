import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { CONVERSATION, LIVE_EVENTS } from "@voltura/domain";
import { setConversationModeStep } from "./steps/conversation";
import { openHandoffRecordStep, type OpenHandoffInput } from "./steps/handoff";
import { signalConversationStep } from "./steps/signal";
import { escalateAfterMsStep } from "./steps/settings";

/**
 * Hands a chat to a person: the handoff (idempotent per phone while one is open), the chat's
 * mode, and the `handoffOpened` signal that keeps the bot quiet and starts the escalation timer.
 */
export const openHandoffWorkflow = createWorkflow("open-concierge-handoff", (input: OpenHandoffInput) => {
  const opened = openHandoffRecordStep(input);
  setConversationModeStep(transform({ input }, ({ input }) => ({ phone: input.phone, mode: "handoff" as const, customer_id: input.customer_id ?? null })));
  const escalateAfterMs = escalateAfterMsStep();
  signalConversationStep(
    transform({ opened, escalateAfterMs }, ({ opened, escalateAfterMs }) => ({
      phone: opened.handoff.phone,
      signal: CONVERSATION.signals.handoffOpened,
      payload: { handoffId: opened.handoff.id, openedAt: new Date(opened.handoff.opened_at as string | Date).toISOString(), escalateAfterMs },
    })),
  );
  when({ opened }, ({ opened }) => opened.created).then(() => {
    emitEventStep({
      eventName: LIVE_EVENTS.handoffOpened,
      data: transform({ opened }, ({ opened }) => ({ id: opened.handoff.id, phone: opened.handoff.phone })),
    });
  });
  return new WorkflowResponse(opened);
});
