import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { emitStatusWhenChanged } from "./steps/emit-message-status";
import { deliverOutboundStep } from "./steps/outbound";

/**
 * The owner's outbox (and a same-key retry): sends a message left pending, reserved on another
 * instance or left by a crash, under a claim; a failure leaves it pending for a later attempt.
 */
export const deliverPendingWhatsAppWorkflow = createWorkflow("deliver-pending-whatsapp", (input: { message_id: string }) => {
  const delivered = deliverOutboundStep(transform({ input }, ({ input }) => ({ message_id: input.message_id, deliver: true, mode: "outbox" as const })));
  emitStatusWhenChanged("whatsapp-outbox-changed-status", delivered);
  return new WorkflowResponse(delivered);
});
