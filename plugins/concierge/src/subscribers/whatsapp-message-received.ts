import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { CONVERSATION, tryNormalisePhone, type ConversationInbound } from "@voltura/domain";
import { z } from "zod";
import { signalConversation, TEMPORAL_MODULE_KEY, type TemporalSignaller } from "../workflows/steps/signal";

/** The WA gateway's event payload (docs/WORKPLAN.md). */
const receivedSchema = z.object({
  message_id: z.string().min(1),
  session_id: z.string().min(1),
  phone: z.string().min(1),
  body: z.string().default(""),
  customer_id: z.string().nullable().optional(),
  wa_message_id: z.string().nullable().optional(),
  received_at: z.union([z.string(), z.date()]).optional(),
  simulated: z.boolean().optional(),
  /** False for a simulated message while the shop has a real number: logged, never acted on. */
  counts_as_customer: z.boolean().optional(),
});

/**
 * Every inbound WhatsApp message becomes an `inbound` signal to the chat's workflow (signal-with-start),
 * except a simulated one while the shop has a real number: that would let staff approve or reject a
 * quote "as the customer", and the bot's answer would go to the real customer's phone.
 */
export default async function whatsappMessageReceived({ event, container }: SubscriberArgs<unknown>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const parsed = receivedSchema.safeParse(event.data);
  if (!parsed.success) {
    logger.warn(`concierge: ignored a malformed whatsapp.message.received: ${parsed.error.message}`);
    return;
  }
  const e = parsed.data;
  if (e.counts_as_customer === false) {
    logger.info(`concierge: simulated message ${e.message_id} kept in the log only (the shop has a real WhatsApp number)`);
    return;
  }
  const phone = tryNormalisePhone(e.phone);
  if (!phone) {
    logger.warn(`concierge: ignored a message from an invalid phone "${e.phone}"`);
    return;
  }
  const inbound: ConversationInbound = {
    messageId: e.message_id,
    body: e.body,
    receivedAt: new Date(e.received_at ?? Date.now()).toISOString(),
    customerId: e.customer_id ?? null,
    sessionId: e.session_id,
  };
  // A failure throws: the event bus retries, and the workflow dedupes by message id.
  await signalConversation(container.resolve<TemporalSignaller>(TEMPORAL_MODULE_KEY), {
    phone,
    signal: CONVERSATION.signals.inbound,
    payload: { ...inbound },
  });
}

export const config: SubscriberConfig = { event: "whatsapp.message.received", context: { subscriberId: "concierge-conversation-inbound" } };
