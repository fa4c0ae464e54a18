import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import type { StaffRole } from "@voltura/domain";
import { CommerceClient, CommerceError } from "@voltura/medusa-client";
import { z } from "zod";

export interface StaffWhatsAppAlert {
  /** Who is told: active staff of these roles with a phone (`metadata.phone`). */
  roles: readonly StaffRole[];
  text: string;
  /** Prefix of each message's idempotency key; the recipient's phone is appended. */
  key: string;
  /** What the alert is about (the message log's context ref). */
  ref: string;
  /** The service actor that sends, e.g. `low-stock-alert`. */
  sender: string;
  /** For log lines: "Low-stock WhatsApp alert for item_1". */
  label: string;
}

async function staffPhones(container: MedusaContainer, roles: readonly StaffRole[]): Promise<string[]> {
  const users = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "metadata"] });
  return users.flatMap((u) => {
    const meta = (u.metadata ?? {}) as { role?: string; phone?: string; active?: boolean };
    const wanted = typeof meta.role === "string" && (roles as readonly string[]).includes(meta.role);
    return wanted && meta.active !== false && typeof meta.phone === "string" && meta.phone.trim() ? [meta.phone.trim()] : [];
  });
}

function selfClient(container: MedusaContainer, sender: string): CommerceClient | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE);
  const secret = config.projectConfig.http.jwtSecret;
  const jwtSecret = typeof secret === "string" ? secret : secret ? String(secret) : process.env.JWT_SECRET;
  if (!jwtSecret) return null;
  const baseUrl = process.env.MEDUSA_BACKEND_URL || `http://127.0.0.1:${process.env.PORT || 9000}`;
  return new CommerceClient({ baseUrl, jwtSecret, actor: { id: `system:${sender}`, role: "system", name: sender } });
}

const sentSchema = z.object({ message: z.object({ id: z.string() }).passthrough() }).passthrough();

/**
 * Tells staff on WhatsApp through the gateway's POST /admin/whatsapp/messages, one idempotency
 * key per recipient, so a retried alert is sent once. Skips quietly (and says why in the log)
 * without a gateway, a session or a phone: alerts add to what the console shows, never replace it.
 * Returns how many messages were accepted.
 */
export async function alertStaffOnWhatsApp(container: MedusaContainer, alert: StaffWhatsAppAlert): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const skip = (why: string) => {
    logger.info(`${alert.label} not sent: ${why}`);
    return 0;
  };
  if (!container.hasRegistration("whatsapp")) return skip("no WhatsApp gateway");
  const phones = await staffPhones(container, alert.roles);
  if (!phones.length) return skip(`no ${alert.roles.join(" or ")} has a phone (staff metadata.phone)`);
  const client = selfClient(container, alert.sender);
  if (!client) return skip("no JWT secret");
  let sent = 0;
  for (const to of phones) {
    try {
      await client.request("POST", "/admin/whatsapp/messages", sentSchema, {
        to, body: alert.text, idempotency_key: `${alert.key}:${to}`, context: { kind: "alert", ref: alert.ref },
      });
      sent++;
    } catch (error) {
      if (error instanceof CommerceError && [404, 409, 503].includes(error.status)) {
        skip(`the gateway answered ${error.status} (${error.message})`); // no session / opted out
        continue;
      }
      logger.warn(`${alert.label} to ${to} failed: ${(error as Error).message}`);
    }
  }
  return sent;
}
