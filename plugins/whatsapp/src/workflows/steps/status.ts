import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { nextMessageStatus, type MessageStatus } from "@voltura/whatsapp-transport";
import type { MessageRow } from "../../modules/whatsapp/rows";
import { whatsappService } from "./service";

export interface ApplyStatusInput {
  message_id?: string;
  session_id?: string;
  wa_message_id?: string;
  status: MessageStatus;
  error?: string | null;
  /** WhatsApp's id, when this report is the first to know it (imported history, the demo seed). */
  set_wa_message_id?: string;
}

/**
 * Moves a message's status forward (never back; see nextMessageStatus) with a compare-and-set, so
 * two receipts racing each other cannot undo one another. Compensation puts the old status back.
 */
interface StatusUndo {
  id: string;
  from: MessageStatus;
  to: MessageStatus;
}
type Applied = StepResponse<{ message: MessageRow | null; changed: boolean }, StatusUndo | null>;

export const applyMessageStatusStep = createStep(
  "apply-whatsapp-message-status",
  async (input: ApplyStatusInput, { container }): Promise<Applied> => {
    const service = whatsappService(container);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const message: MessageRow | null = input.message_id
        ? await service.getMessage(input.message_id)
        : await service.findByWaId(input.session_id!, input.wa_message_id!);
      if (!message) return new StepResponse({ message: null, changed: false }, null);
      const next = nextMessageStatus(message.status, input.status);
      if (!next) return new StepResponse({ message, changed: false }, null);
      if (await service.compareAndSetStatus(message.id, message.status, next, { error: input.error ?? null, wa_message_id: input.set_wa_message_id ?? null })) {
        const updated = (await service.getMessage(message.id))!;
        return new StepResponse({ message: updated, changed: true }, { id: message.id, from: message.status, to: next });
      }
    }
    throw new Error(`message status kept changing under us (${input.message_id ?? input.wa_message_id})`);
  },
  async (undo, { container }) => {
    if (undo) await whatsappService(container).compareAndSetStatus(undo.id, undo.to, undo.from);
  },
);
