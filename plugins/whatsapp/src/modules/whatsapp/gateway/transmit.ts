import type { MedusaContainer } from "@medusajs/framework/types";
import { SimulatorTransport, type SendOptions, type WhatsAppTransport } from "@voltura/whatsapp-transport";
import { fetchMediaBytes, toOutboundMedia } from "./media";
import { checkMediaUrl } from "./media-source";
import type { OutboundRequest } from "./port";
import { whatsappService } from "../../../workflows/steps/service";

/** The options of one send: the caller's WhatsApp id where the transport honours it, and the row id as correlation. */
export function sendOptionsFor(transport: WhatsAppTransport, request: OutboundRequest): SendOptions {
  return {
    idempotencyKey: request.idempotency_key,
    ...(transport.capabilities.callerMessageIds && request.wa_message_id ? { messageId: request.wa_message_id } : {}),
    ...(request.correlationId ? { correlationId: request.correlationId } : {}),
  };
}

/** Hands one message to an open transport under its idempotency key and WhatsApp id; the id WhatsApp took. */
export async function sendOn(container: MedusaContainer, transport: WhatsAppTransport, request: OutboundRequest): Promise<string> {
  const options = sendOptionsFor(transport, request);
  if (request.template) return (await transport.sendTemplate(request.phone, request.template, options)).messageId;
  if (!request.media?.url) return (await transport.sendText(request.phone, request.body, options)).messageId;
  // The simulator only records the URL. A real number gets bytes fetched here, from a source
  // checked again at send time (a message may have waited in the outbox).
  if (transport instanceof SimulatorTransport) {
    return (await transport.sendMedia(request.phone, toOutboundMedia(request.media, request.body), options)).messageId;
  }
  const verdict = await checkMediaUrl(container, request.media.url);
  if (!verdict.ok) throw new Error(`media.url ${verdict.reason}`);
  const data = await fetchMediaBytes(verdict.url);
  return (await transport.sendMedia(request.phone, toOutboundMedia(request.media, request.body, data), options)).messageId;
}

/** The row's id (the Cloud API correlation) and its template, when the caller did not pass them. */
export async function withRowDetails(container: MedusaContainer, request: OutboundRequest): Promise<OutboundRequest> {
  if (request.correlationId && request.template !== undefined) return request;
  const service = whatsappService(container);
  const [found] = request.correlationId ? [{ id: request.correlationId }] : await service.listWhatsAppMessages({ idempotency_key: request.idempotency_key }, { take: 1, select: ["id"] });
  const row = found ? await service.getMessage(found.id) : null;
  return {
    ...request,
    ...(row ? { correlationId: row.id } : {}),
    template: request.template !== undefined ? request.template : (row?.template ?? null),
  };
}
