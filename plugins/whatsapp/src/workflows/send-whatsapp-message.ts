import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { refusalEventFields } from "../domain/session-signals";
import type { NewOutbound } from "../modules/whatsapp/service";
import { findCustomerByPhoneStep } from "./steps/inbound";
import { deliverOutboundStep, reserveOutboundStep } from "./steps/outbound";

export const WHATSAPP_MESSAGE_STATUS = "whatsapp.message.status";

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
  when("whatsapp-send-changed-status", { delivered }, ({ delivered }) => delivered.changed).then(() => {
    emitEventStep({
      eventName: WHATSAPP_MESSAGE_STATUS,
      data: transform({ delivered }, ({ delivered }) => ({
        message_id: delivered.message.id,
        phone: delivered.message.phone,
        status: delivered.message.status,
        ...refusalEventFields(delivered.message.error),
      })),
    });
  });
  return new WorkflowResponse(
    transform({ reserved, delivered }, ({ reserved, delivered }) => ({ message: delivered.message, replayed: !reserved.created })),
  );
});

/**
 * The owner's outbox (and a same-key retry): sends a message left pending, reserved on another
 * instance or left by a crash, under a claim; a failure leaves it pending for a later attempt.
 */
export const deliverPendingWhatsAppWorkflow = createWorkflow("deliver-pending-whatsapp", (input: { message_id: string }) => {
  const delivered = deliverOutboundStep(transform({ input }, ({ input }) => ({ message_id: input.message_id, deliver: true, mode: "outbox" as const })));
  when("whatsapp-outbox-changed-status", { delivered }, ({ delivered }) => delivered.changed).then(() => {
    emitEventStep({
      eventName: WHATSAPP_MESSAGE_STATUS,
      data: transform({ delivered }, ({ delivered }) => ({
        message_id: delivered.message.id,
        phone: delivered.message.phone,
        status: delivered.message.status,
        ...refusalEventFields(delivered.message.error),
      })),
    });
  });
  return new WorkflowResponse(delivered);
});
