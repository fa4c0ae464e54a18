import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { TransportSendError } from "@voltura/whatsapp-transport";
import { outboxAction, SEND_LEASE_SECONDS } from "../../domain/outbox";
import { refusalError } from "../../domain/session-signals";
import { currentGateway } from "../../modules/whatsapp/gateway/port";
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

/** The error of an attempt WhatsApp did not take (the outbox tries again, up to its last attempt). */
export const GAVE_UP_PREFIX = "WhatsApp did not take the message: ";

export interface DeliverResult {
  message: MessageRow;
  /** Set when this step moved the status (pending → sent / failed), for the status event. */
  changed: boolean;
}

export interface DeliverInput {
  message_id: string;
  /** False for a replayed reservation: the first caller sends. */
  deliver: boolean;
  /**
   * `request`: a failure throws (503 to the caller; the workflow rolls its reservation back).
   * `outbox`: a failure gives the claim back for a later attempt, and after the last marks it failed.
   */
  mode: "request" | "outbox";
}

/**
 * Sends a pending message when this process owns its session, under a claim (domain/outbox.ts):
 * only the claimer transmits, with the WhatsApp id fixed by the idempotency key, and the row becomes
 * `sent` after WhatsApp took it. A crash in between leaves the claim to run out; recovery then sends
 * again under the same id (at least once: see ARCHITECTURE.md "WhatsApp gateway"). Without the
 * session, or with a live claim elsewhere, the message stays pending for the owner's outbox.
 */
export const deliverOutboundStep = createStep(
  "deliver-whatsapp-outbound",
  async (input: DeliverInput, { container }) => {
    const service = whatsappService(container);
    const message = (await service.getMessage(input.message_id))!;
    const gateway = currentGateway();
    if (!input.deliver || message.status !== "pending" || !gateway?.ownsSession(message.session_id)) {
      return new StepResponse<DeliverResult>({ message, changed: false });
    }
    const key = message.idempotency_key ?? message.id;
    const claimed = await service.claimOutbound(message.id, {
      claimed_by: gateway.instanceId,
      lease_seconds: SEND_LEASE_SECONDS,
      wa_message_id: gateway.messageIdFor(message.session_id, key),
    });
    if (!claimed) return new StepResponse<DeliverResult>({ message: (await service.getMessage(message.id))!, changed: false });
    let sentAs: string;
    try {
      sentAs = await gateway.transmit({
        session_id: claimed.session_id,
        phone: claimed.phone,
        body: claimed.body,
        media: claimed.media,
        idempotency_key: key,
        wa_message_id: claimed.wa_message_id,
        correlationId: claimed.id,
        template: claimed.template,
      });
    } catch (error) {
      const refusedForGood = error instanceof TransportSendError && !error.retryable;
      if (refusedForGood && error.errorCode !== undefined) {
        // Cloud API: WhatsApp refused this message for good (outside the window, a template it does not
        // know, a recipient it cannot reach…): failed in both modes, never resent.
        await service.releaseOutbound(claimed.id, gateway.instanceId, { error: error.message, failed: true });
        return new StepResponse<DeliverResult>({ message: (await service.getMessage(claimed.id))!, changed: true });
      }
      if (refusedForGood) {
        // Refused (463 / 401 / 403): failed for good in both modes, and counted against the number.
        const cause = error.cause instanceof Error ? error.cause.message : undefined;
        const refused = await service.refuseMessage({
          session_id: claimed.session_id, message_id: claimed.id, claimed_by: gateway.instanceId,
          status_code: error.statusCode, error: refusalError(error.statusCode, cause),
        });
        return new StepResponse<DeliverResult>({ message: refused ?? (await service.getMessage(claimed.id))!, changed: refused !== null });
      }
      const reason = `${GAVE_UP_PREFIX}${(error as Error).message}`;
      // This attempt counted: after the last one the outbox stops trying.
      const failed = input.mode === "outbox" && outboxAction({ ...claimed, lease_until: null }, new Date()) === "give_up";
      await service.releaseOutbound(claimed.id, gateway.instanceId, { error: reason, failed });
      if (input.mode === "request") throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, reason, "session_unavailable");
      return new StepResponse<DeliverResult>({ message: (await service.getMessage(claimed.id))!, changed: failed });
    }
    const changed = await service.finishOutbound(claimed.id, sentAs);
    // Nothing to compensate: a message WhatsApp accepted cannot be taken back.
    return new StepResponse<DeliverResult>({ message: (await service.getMessage(claimed.id))!, changed });
  },
);
