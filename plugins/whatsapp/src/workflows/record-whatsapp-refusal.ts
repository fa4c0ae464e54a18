import { emitEventStep } from "@medusajs/medusa/core-flows";
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { sendFailureCodeOf, type SendFailureCode } from "@voltura/whatsapp-transport";
import { refusalError } from "../domain/session-signals";
import type { MessageRow } from "../modules/whatsapp/rows";
import { WHATSAPP_MESSAGE_STATUS } from "./send-whatsapp-message";
import { whatsappService } from "./steps/service";

export interface RecordRefusalInput {
  session_id: string;
  /** The message by its WhatsApp id… */
  wa_message_id?: string;
  /** …or by its row id (a Cloud API status names the row it was sent for). */
  message_id?: string;
  status_code?: number;
  /** Cloud API: the stored error (WhatsApp's error code and title) and the failure's code. */
  error?: string;
  code?: SendFailureCode;
  error_title?: string;
}

/** One statement (REFUSAL_SQL): nothing to compensate. */
const refuseAckedMessageStep = createStep("refuse-acked-whatsapp-message", async (input: RecordRefusalInput, { container }) => {
  const statusCode = input.status_code ?? 0;
  const message: MessageRow | null = await whatsappService(container).refuseMessage({
    session_id: input.session_id,
    ...(input.wa_message_id ? { wa_message_id: input.wa_message_id } : {}),
    ...(input.message_id ? { message_id: input.message_id } : {}),
    status_code: statusCode,
    error: input.error ?? refusalError(statusCode, "in WhatsApp's acknowledgement"),
  });
  return new StepResponse({ message, status_code: statusCode, code: input.code ?? sendFailureCodeOf(statusCode), error_title: input.error_title ?? null });
});

/**
 * WhatsApp refused a message it had taken (an error in its acknowledgement, e.g. 463): the message
 * fails, the session keeps the mark (463/401/403), and `whatsapp.message.status` says so with the code.
 */
export const recordWhatsAppRefusalWorkflow = createWorkflow("record-whatsapp-refusal", (input: RecordRefusalInput) => {
  const refused = refuseAckedMessageStep(input);
  when("whatsapp-refusal-failed-a-message", { refused }, ({ refused }) => refused.message !== null).then(() => {
    emitEventStep({
      eventName: WHATSAPP_MESSAGE_STATUS,
      data: transform({ refused }, ({ refused }) => ({
        message_id: refused.message!.id,
        phone: refused.message!.phone,
        status: "failed",
        status_code: refused.status_code,
        code: refused.code,
        ...(refused.error_title ? { error_title: refused.error_title } : {}),
      })),
    });
  });
  return new WorkflowResponse(refused);
});
