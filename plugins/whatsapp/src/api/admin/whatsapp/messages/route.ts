import { listWhatsAppMessagesQuerySchema, sendWhatsAppBodySchema } from "@voltura/contracts";
import type { MedusaContainer } from "@medusajs/framework/types";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { outboxAction } from "../../../../domain/outbox";
import { GAVE_UP_PREFIX } from "../../../../workflows/steps/outbound";
import type { MessageRow } from "../../../../modules/whatsapp/rows";
import { blockedByOptOut } from "../../../../domain/opt-out";
import { refusalAnswer } from "../../../../domain/session-signals";
import { ensureSupervisor } from "../../../../modules/whatsapp/gateway/boot";
import { resolveMediaUrl } from "../../../../modules/whatsapp/gateway/media-source";
import { planSend } from "../../../../modules/whatsapp/templates/send-plan";
import { whatsappService } from "../../../../workflows/steps/service";
import { deliverPendingWhatsAppWorkflow } from "../../../../workflows/deliver-pending-whatsapp";
import { sendWhatsAppMessageWorkflow } from "../../../../workflows/send-whatsapp-message";
import { answerSessionUnavailable, customerNamesOf, phoneOr400, pickSession, requireSimulatorOn, SENDERS, toApiMessage } from "../shared";

export const GET = staffRoute(SENDERS, async (req, res) => {
  const q = parseOrThrow(listWhatsAppMessagesQuerySchema, req.query);
  const phone = q.phone ? phoneOr400(q.phone, "phone") : undefined;
  const { rows, count, count_estimated, next_cursor } = await whatsappService(req.scope).listMessageRows({ ...q, phone });
  const names = await customerNamesOf(req.scope, rows);
  res.json({ messages: rows.map((r) => toApiMessage(r, names)), count, count_estimated, next_cursor, limit: q.limit, offset: q.offset });
});

/**
 * Sends once per idempotency key: 201 with the new message, 200 with the original on a replay,
 * 400 naming `media.url` for media that is not the shop's own file or document link, nor on a host
 * in WHATSAPP_MEDIA_ALLOWED_HOSTS,
 * 409 { code: "opted_out" } for a reminder or campaign message to a contact who opted out,
 * 422 { type, message, field } before anything is stored when a Cloud API number may not send it:
 * `outside_service_window` (free text more than 24 h after the customer last wrote, and no usable
 * template: `template`, or `template_purpose` + `variables` for the bound one), `template_not_approved`
 * (`template.name`), `template_params` (`template.params` / `variables.<name>`), and
 * `template_not_supported` for a template on a Baileys number,
 * 422 { type: "send_refused", code, status_code, whatsapp_message } when WhatsApp refused it with 463 / 401 / 403
 * (failed for good, also on a replay: never retried), 422 { type: "send_failed", message, whatsapp_message } when
 * the Cloud API refused it for good (its error code and title in `message`), 503 when the session is down.
 */
export const POST = staffRoute(SENDERS, async (req, res) => {
  const body = parseOrThrow(sendWhatsAppBodySchema, req.body);
  const phone = phoneOr400(body.to, "to");
  // Checked before anything is stored: the gateway fetches this URL server side.
  const media = body.media ? { ...body.media, url: await resolveMediaUrl(req.scope, body.media) } : null;
  const service = whatsappService(req.scope);
  await ensureSupervisor(req.scope);

  const [replay] = await service.listWhatsAppMessages({ idempotency_key: body.idempotency_key }, { take: 1 });
  if (replay) {
    // The one message of this key; one a crash left queued is sent now when nobody holds it.
    const row = await finishPendingSend(req.scope, replay.id);
    const refused = failureAnswer(row);
    if (refused) res.status(422).json({ ...refused, whatsapp_message: toApiMessage(row), replayed: true });
    else res.status(200).json({ message: toApiMessage(row), replayed: true });
    return;
  }
  const [contact] = await service.listWhatsAppContacts({ phone }, { take: 1 });
  if (blockedByOptOut(body.context?.kind, contact?.opted_out_at)) {
    res.status(409).json({ type: "opted_out", code: "opted_out", message: `${phone} opted out of WhatsApp reminders` });
    return;
  }
  const session = await pickSession(req.scope, body.session_id);
  if (session.kind === "simulator") requireSimulatorOn();
  const planned = await planSend(req.scope, session, phone, { ...body, media });
  if ("refusal" in planned) {
    res.status(422).json({ ...planned.refusal, code: planned.refusal.type });
    return;
  }
  const { result, errors } = await sendWhatsAppMessageWorkflow(req.scope).run({
    input: {
      session_id: session.id,
      phone,
      customer_id: contact?.customer_id ?? null,
      body: planned.body,
      media: planned.media,
      template: planned.template,
      idempotency_key: body.idempotency_key,
      context_kind: body.context?.kind ?? null,
      context_ref: body.context?.ref ?? null,
    },
    throwOnError: false,
  });
  if (errors.length) {
    const error = errors[0]!.error as { code?: string; message: string };
    if (error.code === "session_unavailable") return answerSessionUnavailable(res, error.message);
    throw errors[0]!.error;
  }
  const refused = failureAnswer(result.message);
  if (refused) res.status(422).json({ ...refused, whatsapp_message: toApiMessage(result.message), replayed: result.replayed });
  else res.status(result.replayed ? 200 : 201).json({ message: toApiMessage(result.message), replayed: result.replayed });
});

/** Why a failed message failed, as the 422 answer: WhatsApp's refusal; null for a message that did not fail, or that the outbox gave up on. */
function failureAnswer(row: MessageRow): Record<string, unknown> | null {
  if (row.status !== "failed") return null;
  const refused = refusalAnswer(row.error);
  if (refused) return { ...refused };
  if (!row.error || row.error.startsWith(GAVE_UP_PREFIX)) return null;
  return { type: "send_failed", code: "send_failed", message: row.error };
}

/** A replayed key's message, after one send attempt when it is still queued and unheld (its failure leaves it queued). */
async function finishPendingSend(scope: MedusaContainer, messageId: string): Promise<MessageRow> {
  const service = whatsappService(scope);
  const row = (await service.getMessage(messageId))!;
  const action = outboxAction(row, new Date());
  if (action === "done" || action === "held") return row;
  await deliverPendingWhatsAppWorkflow(scope).run({ input: { message_id: row.id }, throwOnError: false });
  return (await service.getMessage(messageId))!;
}
