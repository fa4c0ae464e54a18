import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { whatsappService } from "./steps/service";
import { WHATSAPP_CONTACT_OPTED_OUT } from "./record-inbound-whatsapp";

export interface SetOptOutInput {
  phone: string;
  opted_out: boolean;
}

const setOptOutStep = createStep(
  "set-whatsapp-contact-opt-out",
  async (input: SetOptOutInput, { container }) => {
    const service = whatsappService(container);
    const [existing] = await service.listWhatsAppContacts({ phone: input.phone }, { take: 1 });
    const optedOutAt = input.opted_out ? (existing?.opted_out_at ?? new Date()) : null;
    const contact = existing
      ? await service.updateWhatsAppContacts({ id: existing.id, opted_out_at: optedOutAt })
      : await service.createWhatsAppContacts({ phone: input.phone, customer_id: null, name: null, opted_out_at: optedOutAt });
    const changed = Boolean(existing?.opted_out_at) !== input.opted_out;
    return new StepResponse(
      { contact, opted_out_now: input.opted_out && changed },
      existing ? { id: existing.id, opted_out_at: existing.opted_out_at as Date | null, created: false } : { id: contact.id, opted_out_at: null, created: true },
    );
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = whatsappService(container);
    if (undo.created) await service.deleteWhatsAppContacts(undo.id);
    else await service.updateWhatsAppContacts({ id: undo.id, opted_out_at: undo.opted_out_at });
  },
);

/** Staff record an opt-out (or an opt-in) for a phone; opting out emits `whatsapp.contact.opted_out`. */
export const setWhatsAppContactOptOutWorkflow = createWorkflow("set-whatsapp-contact-opt-out", (input: SetOptOutInput) => {
  const result = setOptOutStep(input);
  when("whatsapp-contact-opted-out-now", { result }, ({ result }) => result.opted_out_now).then(() => {
    emitEventStep({
      eventName: WHATSAPP_CONTACT_OPTED_OUT,
      data: transform({ result }, ({ result }) => ({ phone: result.contact.phone, customer_id: result.contact.customer_id, source: "staff" })),
    });
  });
  return new WorkflowResponse(result);
});
