import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { tryNormalisePhone } from "@voltura/domain";
import { z } from "zod";
import { stopPickupRemindersWorkflow } from "../workflows/stop-pickup-reminders";

/** The WA gateway's event payload (docs/WORKPLAN.md). */
const optedOutSchema = z.object({ phone: z.string().min(1), customer_id: z.string().nullable().optional() });

/** A contact that opted out gets no more pickup reminders (their running flows are signalled). */
export default async function whatsappContactOptedOut({ event, container }: SubscriberArgs<unknown>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const parsed = optedOutSchema.safeParse(event.data);
  const phone = parsed.success ? tryNormalisePhone(parsed.data.phone) : null;
  if (!phone) {
    logger.warn(`repair: ignored a malformed whatsapp.contact.opted_out (${JSON.stringify(event.data)})`);
    return;
  }
  // A failure throws, so the event bus retries; signalling a flow twice changes nothing.
  const { result } = await stopPickupRemindersWorkflow(container).run({ input: { phone } });
  if (result.length) logger.info(`repair: pickup reminders stopped for ${phone}: ${result.join(", ")}`);
}

export const config: SubscriberConfig = { event: "whatsapp.contact.opted_out", context: { subscriberId: "repair-pickup-opt-out" } };
