import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { CONVERSATION, LIVE_EVENTS } from "@voltura/domain";
import type { HandoffAction } from "./steps/handoff-rules";
import { setConversationModeStep } from "./steps/conversation";
import { changeHandoffStep } from "./steps/handoff";
import { signalConversationStep } from "./steps/signal";

export interface ChangeHandoffInput {
  id: string;
  action: HandoffAction;
  actor: { id: string; name: string };
}

/**
 * Claim, close, escalate or note a staff reply. Closing hands the chat back to the bot; a close
 * or a staff reply is signalled to the chat's workflow (resume, or reset the escalation timer).
 */
export const changeHandoffWorkflow = createWorkflow("change-concierge-handoff", (input: ChangeHandoffInput) => {
  const result = changeHandoffStep(input);
  when({ input, result }, ({ input, result }) => input.action === "close" && result.changed).then(() => {
    setConversationModeStep(transform({ result }, ({ result }) => ({ phone: result.handoff.phone, mode: "bot" as const })));
  });
  signalConversationStep(
    transform({ input, result }, ({ input, result }) => {
      if (!result.changed) return null;
      const phone = result.handoff.phone;
      if (input.action === "close") return { phone, signal: CONVERSATION.signals.handoffClosed, payload: { handoffId: result.handoff.id } };
      if (input.action === "staff_reply") {
        return { phone, signal: CONVERSATION.signals.staffReplied, payload: { at: new Date().toISOString(), handoffId: result.handoff.id } };
      }
      return null;
    }),
  );
  when({ result }, ({ result }) => result.changed).then(() => {
    emitEventStep({
      eventName: LIVE_EVENTS.handoffChanged,
      data: transform({ input, result }, ({ input, result }) => ({
        id: result.handoff.id, phone: result.handoff.phone, actor_id: input.actor.id,
        action: { claim: "claimed", close: "closed", escalate: "escalated", staff_reply: "staff_replied" }[input.action],
      })),
    });
  });
  return new WorkflowResponse(result);
});
