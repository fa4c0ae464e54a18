import type { MedusaContainer } from "@medusajs/framework/types";
import { shopTimeZone } from "@voltura/domain";
import { alertStaffOnWhatsApp } from "@voltura/medusa-kit";
import type { StaffAccountLockedEventData } from "./check-credentials";

/** The WhatsApp text owners get when an account locks. No password, no more than the email and where. */
export function accountLockedAlertText(alert: StaffAccountLockedEventData, timeZone = shopTimeZone(process.env.SHOP_TIME_ZONE)): string {
  const until = new Intl.DateTimeFormat("en-MY", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(alert.locked_until));
  const what = alert.purpose === "approval" ? "manager approvals at the POS" : "sign-in";
  return `Security notice: the staff account ${alert.email} is locked until ${until} after ${alert.failures} wrong passwords (${what}, from ${alert.ip}). If this was not your staff, check Settings → Staff; an owner can unlock it there.`;
}

/**
 * Tells the owners on WhatsApp that a staff account locked (one idempotency key per account and
 * lock). The audit row and the console's lockout list are the notice that is always there.
 */
export async function sendAccountLockedAlert(container: MedusaContainer, alert: StaffAccountLockedEventData): Promise<number> {
  return alertStaffOnWhatsApp(container, {
    roles: ["owner"],
    text: accountLockedAlertText(alert),
    key: `account-locked:${alert.email}:${alert.locked_until}`,
    ref: alert.email,
    sender: "account-lock-alert",
    label: `Account-lock WhatsApp alert for ${alert.email}`,
  });
}
