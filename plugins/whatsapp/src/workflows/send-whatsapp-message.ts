import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { NewOutbound } from "../modules/whatsapp/service";
import { emitStatusWhenChanged } from "./steps/emit-message-status";
import { findCustomerByPhoneStep } from "./steps/inbound";
import { deliverOutboundStep, reserveOutboundStep } from "./steps/outbound";

export { WHATSAPP_MESSAGE_STATUS } from "./steps/emit-message-status";

/**
 * Sends one message per idempotency key: reserve the key (one row, atomically; the row is the
 * outbox), then the session's owner claims and transmits it. A replayed key returns the first
 * message and sends nothing; a message a crash left pending is finished by the outbox.
 */
export const sendWhatsAppMessageWorkflow = createWorkflow("send-whatsapp-message", (input: NewOutbound) => {
  // The message joins the customer's history: the one given, else the customer with this phone.
  const customer = findCustomerByPhoneStep(input.phone);
  const reserved = reserveOutboundStep(
    transform({ input, customer }, ({ input, customer }) => ({ ...input, customer_id: input.customer_id ?? customer?.id ?? null })),
  );
  const delivered = deliverOutboundStep(
    transform({ reserved }, ({ reserved }) => ({ message_id: reserved.message.id, deliver: reserved.created, mode: "request" as const })),
  );
  emitStatusWhenChanged("whatsapp-send-changed-status", delivered);
  return new WorkflowResponse(
    transform({ reserved, delivered }, ({ reserved, delivered }) => ({ message: delivered.message, replayed: !reserved.created })),
  );
});
