import { createCustomersWorkflow, emitEventStep } from "@medusajs/medusa/core-flows";
import type { CustomerDTO } from "@medusajs/framework/types";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { isOptInMessage, isOptOutMessage } from "../domain/opt-out";
import type { NewInbound } from "../modules/whatsapp/service";
import { attachInboundStep, countsAsCustomerStep, findCustomerByPhoneStep, insertInboundStep } from "./steps/inbound";

export const WHATSAPP_MESSAGE_RECEIVED = "whatsapp.message.received";
export const WHATSAPP_CONTACT_OPTED_OUT = "whatsapp.contact.opted_out";

/**
 * The one inbound path (Baileys and the simulator alike): store once per WhatsApp id, create or link
 * the customer by phone, record the contact (STOP / BERHENTI / unsubscribe opt out), then tell the
 * rest of the shop. A re-delivered message changes nothing and emits nothing. A simulated message
 * while the shop has a real number is stored and announced with `counts_as_customer: false`: it
 * opts nobody out and decides nothing.
 */
export const recordInboundWhatsAppWorkflow = createWorkflow("record-inbound-whatsapp", (input: NewInbound) => {
  const inserted = insertInboundStep(input);
  const existing = findCustomerByPhoneStep(input.phone);
  const countsAsCustomer = countsAsCustomerStep(transform({ input }, ({ input }) => ({ simulated: input.simulated === true })));

  const created = when("whatsapp-new-sender", { inserted, existing }, ({ inserted, existing }) => inserted.created && !existing).then(() => {
    const customersData = transform({ input }, ({ input }) => {
      const [first, ...rest] = (input.sender_name?.trim() || `WhatsApp ${input.phone}`).split(/\s+/);
      return [{ first_name: first, last_name: rest.join(" ") || null, phone: input.phone }];
    });
    return createCustomersWorkflow.runAsStep({ input: { customersData } });
  });
  const customerId = transform({ existing, created }, ({ existing, created }) =>
    existing ? existing.id : ((created as CustomerDTO[] | undefined)?.[0]?.id ?? null),
  );

  const attached = when("whatsapp-inbound-is-new", { inserted }, ({ inserted }) => inserted.created).then(() => {
    const result = attachInboundStep(
      transform({ inserted, customerId, input, countsAsCustomer }, ({ inserted, customerId, input, countsAsCustomer }) => ({
        message: inserted.message,
        customer_id: customerId!,
        name: input.sender_name,
        opt_out: countsAsCustomer && isOptOutMessage(input.body),
        opt_in: countsAsCustomer && isOptInMessage(input.body),
      })),
    );
    emitEventStep({
      eventName: WHATSAPP_MESSAGE_RECEIVED,
      data: transform({ inserted, customerId, input, countsAsCustomer }, ({ inserted, customerId, input, countsAsCustomer }) => ({
        message_id: inserted.message.id,
        session_id: input.session_id,
        phone: input.phone,
        body: input.body,
        customer_id: customerId,
        wa_message_id: input.wa_message_id,
        received_at: input.received_at,
        simulated: input.simulated === true,
        counts_as_customer: countsAsCustomer,
      })),
    }).config({ name: "emit-whatsapp-message-received" });
    return result;
  });

  when("whatsapp-opted-out-now", { attached }, ({ attached }) => Boolean(attached?.opted_out_now)).then(() => {
    emitEventStep({
      eventName: WHATSAPP_CONTACT_OPTED_OUT,
      data: transform({ input, customerId }, ({ input, customerId }) => ({ phone: input.phone, customer_id: customerId, source: "keyword" })),
    }).config({ name: "emit-whatsapp-contact-opted-out" });
  });

  return new WorkflowResponse(
    transform({ inserted, customerId }, ({ inserted, customerId }) => ({
      message: { ...inserted.message, customer_id: inserted.message.customer_id ?? (inserted.created ? customerId : null) },
      duplicate: !inserted.created,
    })),
  );
});
