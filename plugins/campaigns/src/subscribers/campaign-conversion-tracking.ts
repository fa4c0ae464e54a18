import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { sqlConnection } from "@voltura/medusa-kit";
import { posSaleConversion, repairJobConversion } from "../modules/campaigns/analytics/tracking";

/** A job booked or a sale made: recipients of recent campaign messages to that customer count as converted. */
export default async function campaignConversionTracking({ event, container }: SubscriberArgs<{ id: string }>) {
  const db = sqlConnection(container);
  if (event.name === "repair_job.created") await repairJobConversion(db, event.data.id);
  else await posSaleConversion(db, event.data.id);
}

export const config: SubscriberConfig = { event: ["repair_job.created", "pos.sale.completed"] };
