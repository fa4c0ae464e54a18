import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { nextMessageStatus } from "@voltura/whatsapp-transport";
import { currentGateway } from "../../gateway/port";
import type { MessageRow } from "../../modules/whatsapp/rows";
import type { NewOutbound } from "../../modules/whatsapp/service";
import { whatsappService } from "./service";

/** Stores the message under its idempotency key, or finds the first one; compensation removes only what it stored. */
export const reserveOutboundStep = createStep(
  "reserve-whatsapp-outbound",
  async (input: NewOutbound, { container }) => {
    const reserved = await whatsappService(container).reserveOutbound(input);
    return new StepResponse(reserved, reserved.created ? reserved.message.id : null);
  },
  async (createdId, { container }) => {
    if (createdId) await whatsappService(container).deleteMessageHard(createdId);
  },
);

export interface DeliverResult {
  message: MessageRow;
  /** Set when this step moved the status (pending → sent), for the status event. */
  changed: boolean;
}

/**
 * Sends a pending message when this process owns its session; otherwise leaves it pending for the
 * owner's outbox. A transport failure throws, so the workflow rolls the reservation back and a
 * retry with the same key can send again.
 */
export const deliverOutboundStep = createStep(
  "deliver-whatsapp-outbound",
  async (input: { message_id: string; deliver: boolean }, { container }) => {
    const service = whatsappService(container);
    const message = (await service.getMessage(input.message_id))!;
    const gateway = currentGateway();
    if (!input.deliver || message.status !== "pending" || !gateway?.ownsSession(message.session_id)) {
      return new StepResponse<DeliverResult>({ message, changed: false });
    }
    let waMessageId: string;
    try {
      waMessageId = await gateway.transmit({
        session_id: message.session_id,
        phone: message.phone,
        body: message.body,
        media: message.media,
        idempotency_key: message.idempotency_key ?? message.id,
      });
    } catch (error) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `WhatsApp did not take the message: ${(error as Error).message}`, "session_unavailable");
    }
    const next = nextMessageStatus(message.status, "sent") ?? message.status;
    const changed = await service.compareAndSetStatus(message.id, message.status, next, { wa_message_id: waMessageId });
    const updated = (await service.getMessage(message.id))!;
    // Nothing to compensate: a message WhatsApp accepted cannot be taken back.
    return new StepResponse<DeliverResult>({ message: updated, changed });
  },
);
