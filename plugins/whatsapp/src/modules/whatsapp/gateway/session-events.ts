import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import type { InboundMessage, Receipt } from "@voltura/whatsapp-transport";
import type { MessageRow } from "../rows";
import { deliverPendingWhatsAppWorkflow } from "../../../workflows/deliver-pending-whatsapp";
import { patchWhatsAppSessionWorkflow } from "../../../workflows/patch-whatsapp-session";
import { recordInboundWhatsAppWorkflow } from "../../../workflows/record-inbound-whatsapp";
import { updateWhatsAppMessageStatusWorkflow } from "../../../workflows/update-whatsapp-message-status";
import type { SessionPatch } from "../../../workflows/steps/sessions";
import { whatsappService } from "../../../workflows/steps/service";
import { inboundInput } from "./session-runtime";

/** What an owned session's transport reports, written through the workflows; failures are logged, never thrown. */

export async function patchSession(container: MedusaContainer, logger: Logger, sessionId: string, patch: Omit<SessionPatch, "id">): Promise<void> {
  const { errors } = await patchWhatsAppSessionWorkflow(container).run({ input: { id: sessionId, ...patch }, throwOnError: false });
  if (errors.length) logger.warn(`WhatsApp session ${sessionId}: health not recorded: ${errors[0]!.error.message}`);
}

/** `simulated`: the message came from the simulator (staff typing as a customer), not a phone. Null when not recorded. */
export function recordInbound(container: MedusaContainer, logger: Logger, sessionId: string, message: InboundMessage, simulated: boolean): Promise<MessageRow | null> {
  return recordInboundWhatsAppWorkflow(container)
    .run({ input: inboundInput(sessionId, message, simulated) })
    .then(({ result }) => result.message as MessageRow)
    .catch((error: unknown) => {
      logger.error(`WhatsApp inbound ${message.id} was not recorded: ${String(error)}`);
      return null;
    });
}

export async function recordReceipt(container: MedusaContainer, logger: Logger, sessionId: string, receipt: Receipt): Promise<void> {
  const { errors } = await updateWhatsAppMessageStatusWorkflow(container).run({
    input: { session_id: sessionId, wa_message_id: receipt.messageId, status: receipt.status },
    throwOnError: false,
  });
  if (errors.length) logger.warn(`WhatsApp receipt ${receipt.messageId}: ${errors[0]!.error.message}`);
}

/** The owner's outbox: sends the session's pending messages older than `afterMs`; a failure leaves one for the next pass. */
export async function deliverOutbox(container: MedusaContainer, logger: Logger, sessionId: string, afterMs: number): Promise<void> {
  const cutoff = Date.now() - afterMs;
  for (const message of await whatsappService(container).pendingOutbound(sessionId)) {
    if (new Date(message.created_at).getTime() > cutoff) continue;
    const { errors } = await deliverPendingWhatsAppWorkflow(container).run({ input: { message_id: message.id }, throwOnError: false });
    if (errors.length) logger.warn(`WhatsApp outbox: ${message.id} not sent yet: ${errors[0]!.error.message}`);
  }
}
