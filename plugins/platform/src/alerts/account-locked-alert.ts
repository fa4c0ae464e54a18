import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { CommerceClient, CommerceError } from "@voltura/medusa-client";
import { z } from "zod";
import type { StaffAccountLockedEventData } from "../staff-access/check-credentials";

/** The WhatsApp text owners get when an account locks. No password, no more than the email and where. */
export function accountLockedAlertText(alert: StaffAccountLockedEventData, timeZone = process.env.SHOP_TIME_ZONE || "Asia/Kuala_Lumpur"): string {
  const until = new Intl.DateTimeFormat("en-MY", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(alert.locked_until));
  const what = alert.purpose === "approval" ? "manager approvals at the POS" : "sign-in";
  return `Security notice: the staff account ${alert.email} is locked until ${until} after ${alert.failures} wrong passwords (${what}, from ${alert.ip}). If this was not your staff, check Settings → Staff; an owner can unlock it there.`;
}

/** Active owners' WhatsApp numbers (metadata.phone on the staff user). */
async function ownerPhones(container: MedusaContainer): Promise<string[]> {
  const users = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "metadata"] });
  return users.flatMap((u) => {
    const meta = (u.metadata ?? {}) as { role?: string; phone?: string; active?: boolean };
    return meta.role === "owner" && meta.active !== false && typeof meta.phone === "string" && meta.phone.trim() ? [meta.phone.trim()] : [];
  });
}

function selfClient(container: MedusaContainer): CommerceClient | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  const secret = config.projectConfig.http.jwtSecret;
  const jwtSecret = typeof secret === "string" ? secret : secret ? String(secret) : process.env.JWT_SECRET;
  if (!jwtSecret) return null;
  const baseUrl = process.env.MEDUSA_BACKEND_URL || `http://127.0.0.1:${process.env.PORT || 9000}`;
  return new CommerceClient({ baseUrl, jwtSecret, actor: { id: "system:account-lock-alert", role: "system", name: "Account lock alert" } });
}

/**
 * Tells the owners on WhatsApp that a staff account locked, through the gateway's
 * POST /admin/whatsapp/messages (one idempotency key per account and lock). Skips quietly
 * without a gateway, a session or an owner's phone: the audit row and the console's lockout
 * list are the notice that is always there.
 */
export async function sendAccountLockedAlert(container: MedusaContainer, alert: StaffAccountLockedEventData): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const skip = (why: string) => {
    logger.info(`Account-lock WhatsApp alert for ${alert.email} not sent: ${why}`);
    return 0;
  };
  if (!container.hasRegistration("whatsapp")) return skip("no WhatsApp gateway");
  const phones = await ownerPhones(container);
  if (!phones.length) return skip("no owner has a phone (staff metadata.phone)");
  const client = selfClient(container);
  if (!client) return skip("no JWT secret");
  const body = accountLockedAlertText(alert);
  let sent = 0;
  for (const to of phones) {
    try {
      await client.request("POST", "/admin/whatsapp/messages", z.object({ message: z.object({ id: z.string() }).passthrough() }).passthrough(), {
        to, body, idempotency_key: `account-locked:${alert.email}:${alert.locked_until}:${to}`, context: { kind: "alert", ref: alert.email },
      });
      sent++;
    } catch (error) {
      if (error instanceof CommerceError && [404, 409, 503].includes(error.status)) {
        skip(`the gateway answered ${error.status} (${error.message})`);
        continue;
      }
      logger.warn(`Account-lock WhatsApp alert to ${to} failed: ${(error as Error).message}`);
    }
  }
  return sent;
}
