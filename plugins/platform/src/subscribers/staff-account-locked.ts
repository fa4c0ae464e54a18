import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { sendAccountLockedAlert } from "../modules/staff-guard/account-locked-alert";
import { STAFF_ACCOUNT_LOCKED_EVENT, type StaffAccountLockedEventData } from "../modules/staff-guard/check-credentials";

/** A staff account locked after repeated wrong passwords: WhatsApp the owners. */
export default async function staffAccountLockedSubscriber({ event, container }: SubscriberArgs<StaffAccountLockedEventData>) {
  await sendAccountLockedAlert(container, event.data);
}

export const config: SubscriberConfig = { event: STAFF_ACCOUNT_LOCKED_EVENT };
