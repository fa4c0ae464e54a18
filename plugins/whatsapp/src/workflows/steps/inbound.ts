import type { CustomerDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { MessageRow } from "../../modules/whatsapp/rows";
import type { NewInbound } from "../../modules/whatsapp/service";
import { whatsappService } from "./service";

/** Stores the inbound message once per (session, WhatsApp id); a re-delivery comes back with created: false. */
export const insertInboundStep = createStep(
  "insert-whatsapp-inbound",
  async (input: NewInbound, { container }) => {
    const inserted = await whatsappService(container).insertInbound(input);
    return new StepResponse(inserted, inserted.created ? inserted.message.id : null);
  },
  async (createdId, { container }) => {
    if (createdId) await whatsappService(container).deleteMessageHard(createdId);
  },
);

/** The customer whose phone (E.164) matches, oldest first, or null (the same rule as repair intake). */
export const findCustomerByPhoneStep = createStep("whatsapp-find-customer-by-phone", async (phone: string, { container }) => {
  const customers = container.resolve(Modules.CUSTOMER);
  const [found] = await customers.listCustomers({ phone } as Parameters<typeof customers.listCustomers>[0], {
    take: 1,
    order: { created_at: "ASC" },
  });
  return new StepResponse<CustomerDTO | null>(found ?? null);
});

export interface AttachInboundInput {
  message: MessageRow;
  customer_id: string;
  name: string | null;
  opt_out: boolean;
  opt_in: boolean;
}

interface ContactSnapshot {
  message_id: string;
  contact: { id: string; customer_id: string | null; name: string | null; opted_out_at: Date | null } | null;
  created_contact_id: string | null;
}

/**
 * Attaches the message to the customer and records the contact (phone → customer, name, opt-out).
 * Returns whether this message opted the contact out just now.
 */
export const attachInboundStep = createStep(
  "attach-whatsapp-inbound",
  async (input: AttachInboundInput, { container }) => {
    const service = whatsappService(container);
    const [existing] = await service.listWhatsAppContacts({ phone: input.message.phone }, { take: 1 });
    const snapshot: ContactSnapshot = {
      message_id: input.message.id,
      contact: existing
        ? { id: existing.id, customer_id: existing.customer_id, name: existing.name, opted_out_at: existing.opted_out_at as Date | null }
        : null,
      created_contact_id: null,
    };
    await service.updateWhatsAppMessages({ id: input.message.id, customer_id: input.customer_id });
    const wasOptedOut = Boolean(existing?.opted_out_at);
    const optedOutAt = input.opt_out ? (existing?.opted_out_at ?? new Date()) : input.opt_in ? null : (existing?.opted_out_at ?? null);
    if (existing) {
      await service.updateWhatsAppContacts({ id: existing.id, customer_id: input.customer_id, name: input.name ?? existing.name, opted_out_at: optedOutAt });
    } else {
      const created = await service.createWhatsAppContacts({ phone: input.message.phone, customer_id: input.customer_id, name: input.name, opted_out_at: optedOutAt });
      snapshot.created_contact_id = created.id;
    }
    return new StepResponse({ opted_out_now: input.opt_out && !wasOptedOut }, snapshot);
  },
  async (snapshot, { container }) => {
    if (!snapshot) return;
    const service = whatsappService(container);
    await service.updateWhatsAppMessages({ id: snapshot.message_id, customer_id: null });
    if (snapshot.created_contact_id) await service.deleteWhatsAppContacts(snapshot.created_contact_id);
    if (snapshot.contact) await service.updateWhatsAppContacts(snapshot.contact);
  },
);

/**
 * Whether the message speaks for the customer: a phone's message always does; a simulated one only
 * while the shop has no real WhatsApp number (the demo). Otherwise it is logged, flagged, and
 * changes nothing: no opt-out, no quote decision.
 */
export const countsAsCustomerStep = createStep("whatsapp-inbound-counts-as-customer", async (input: { simulated: boolean }, { container }) => {
  if (!input.simulated) return new StepResponse(true);
  return new StepResponse(!(await whatsappService(container).hasRealSession()));
});
