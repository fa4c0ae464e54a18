import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { applyMessageStatusStep, type ApplyStatusInput } from "./steps/status";
import { WHATSAPP_MESSAGE_STATUS } from "./send-whatsapp-message";

/** A receipt (or a failure) for a logged message: moves its status forward only, then emits `whatsapp.message.status`. */
export const updateWhatsAppMessageStatusWorkflow = createWorkflow("update-whatsapp-message-status", (input: ApplyStatusInput) => {
  const applied = applyMessageStatusStep(input);
  when("whatsapp-status-moved", { applied }, ({ applied }) => applied.changed).then(() => {
    emitEventStep({
      eventName: WHATSAPP_MESSAGE_STATUS,
      data: transform({ applied }, ({ applied }) => ({ message_id: applied.message!.id, phone: applied.message!.phone, status: applied.message!.status })),
    });
  });
  return new WorkflowResponse(applied);
});
