import { emitEventStep } from "@medusajs/medusa/core-flows";
import { transform, when } from "@medusajs/framework/workflows-sdk";
import { refusalEventFields } from "../../domain/session-signals";
import type { deliverOutboundStep } from "./outbound";

export const WHATSAPP_MESSAGE_STATUS = "whatsapp.message.status";

type Delivered = ReturnType<typeof deliverOutboundStep>;

/** Inside a workflow: emits `whatsapp.message.status` when the delivery changed the message's status. */
export function emitStatusWhenChanged(conditionName: string, delivered: Delivered): void {
  when(conditionName, { delivered }, ({ delivered }) => delivered.changed).then(() => {
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
}
