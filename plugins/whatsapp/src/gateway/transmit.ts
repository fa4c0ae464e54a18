import type { MedusaContainer } from "@medusajs/framework/types";
import { SimulatorTransport, type WhatsAppTransport } from "@voltura/whatsapp-transport";
import { fetchMediaBytes, toOutboundMedia } from "./media";
import { checkMediaUrl } from "./media-source";
import type { OutboundRequest } from "./port";

/** Hands one message to an open transport under its idempotency key and WhatsApp id; the id WhatsApp took. */
export async function sendOn(container: MedusaContainer, transport: WhatsAppTransport, request: OutboundRequest): Promise<string> {
  const options = { idempotencyKey: request.idempotency_key, messageId: request.wa_message_id };
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
