import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { SendFailureCode } from "@voltura/whatsapp-transport";
import { cloudFailureError, webhookEventKey } from "../../../domain/cloud-webhook";
import type { MessageRow } from "../rows";
import { recordWhatsAppRefusalWorkflow } from "../../../workflows/record-whatsapp-refusal";
import { whatsappService } from "../../../workflows/steps/service";
import { updateWhatsAppMessageStatusWorkflow } from "../../../workflows/update-whatsapp-message-status";
import { dropParkedStatus, markWebhookEventIn, parkedStatusesFor, parkStatus, recordCloudWaMessageId, webhookEventSeen } from "./cloud-store";

/** A Cloud API status report: a receipt (sent / delivered / read) or a failure with WhatsApp's error. */
export interface CloudStatusReport {
  waMessageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  /** `biz_opaque_callback_data`: the row id the send went out for. */
  correlationId?: string;
  errorCode?: number;
  errorTitle?: string;
  code?: SendFailureCode;
}

export type StatusOutcome = "applied" | "parked" | "duplicate";

/** Moves the row forward (never back): receipts through the status path, failures through the refusal path. */
async function applyToRow(container: MedusaContainer, row: MessageRow, report: Omit<CloudStatusReport, "waMessageId" | "correlationId">): Promise<void> {
  if (report.status === "failed") {
    await recordWhatsAppRefusalWorkflow(container).run({
      input: {
        session_id: row.session_id,
        message_id: row.id,
        ...(report.errorCode !== undefined ? { status_code: report.errorCode } : {}),
        error: cloudFailureError(report.errorCode, report.errorTitle, report.code),
        ...(report.code ? { code: report.code } : {}),
        ...(report.errorTitle ? { error_title: report.errorTitle } : {}),
      },
    });
    return;
  }
  await updateWhatsAppMessageStatusWorkflow(container).run({ input: { message_id: row.id, status: report.status } });
}

/**
 * Places a status on its message: by WhatsApp's id, else by the row id it was sent with (which then
 * records the WhatsApp id: the send's own answer may have been lost in a crash), else parks it until
 * the send records the id. Each event once (`whatsapp_webhook_event`); the key is written after the
 * effect, which is idempotent by itself (forward-only statuses), so a crash in between repeats
 * nothing visible.
 */
export async function applyCloudStatus(container: MedusaContainer, sessionId: string, report: CloudStatusReport): Promise<StatusOutcome> {
  const key = webhookEventKey.status(sessionId, report.waMessageId, report.status);
  if (await webhookEventSeen(container, key)) return "duplicate";
  const service = whatsappService(container);
  let row = await service.findByWaId(sessionId, report.waMessageId);
  let idLearnt = false;
  if (!row && report.correlationId) {
    const byId = await service.getMessage(report.correlationId);
    if (byId && byId.session_id === sessionId && byId.direction === "out") {
      // No id yet: this status tells it. Another id already: an earlier attempt of the same message
      // (resent after an unknown outcome); its status still belongs to this row, which keeps its id.
      idLearnt = !byId.wa_message_id && (await recordCloudWaMessageId(container, byId.id, report.waMessageId));
      row = (await service.getMessage(byId.id))!;
    }
  }
  if (!row) {
    await parkStatus(
      container,
      {
        session_id: sessionId, wa_message_id: report.waMessageId, correlation_id: report.correlationId ?? null, status: report.status,
        error_code: report.errorCode ?? null, error: report.status === "failed" ? cloudFailureError(report.errorCode, report.errorTitle, report.code) : null,
      },
      key,
    );
    return "parked";
  }
  await applyToRow(container, row, report);
  await markWebhookEventIn(container, key);
  if (idLearnt) await applyParkedStatuses(container, row.id);
  return "applied";
}

/**
 * Applies the statuses parked for a message once its WhatsApp id is on the row (after the send
 * recorded it, or a status named the row). Each is dropped after it applied.
 */
export async function applyParkedStatuses(container: MedusaContainer, messageId: string): Promise<number> {
  const service = whatsappService(container);
  const row = await service.getMessage(messageId);
  if (!row?.wa_message_id) return 0;
  const parked = await parkedStatusesFor(container, row.session_id, row.wa_message_id, row.id);
  for (const status of parked) {
    const current = (await service.getMessage(row.id))!;
    if (status.status === "failed") {
      await recordWhatsAppRefusalWorkflow(container).run({
        input: { session_id: current.session_id, message_id: current.id, ...(status.error_code !== null ? { status_code: status.error_code } : {}), ...(status.error ? { error: status.error } : {}) },
      });
    } else {
      await updateWhatsAppMessageStatusWorkflow(container).run({ input: { message_id: current.id, status: status.status } });
    }
    await dropParkedStatus(container, status.id);
  }
  return parked.length;
}

/** After Meta took a send: records its WhatsApp id on the row, then what was parked for it (best effort: logged). */
export async function recordCloudSend(container: MedusaContainer, messageId: string, waMessageId: string): Promise<void> {
  try {
    await recordCloudWaMessageId(container, messageId, waMessageId);
    await applyParkedStatuses(container, messageId);
  } catch (error) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`WhatsApp Cloud API send ${messageId}: id ${waMessageId} not recorded yet: ${String(error)}`);
  }
}
