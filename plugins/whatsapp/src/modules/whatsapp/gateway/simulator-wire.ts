import { appendFileSync } from "node:fs";
import type { SimulatedOutbound } from "@voltura/whatsapp-transport";

/**
 * WHATSAPP_SIMULATOR_WIRE_LOG: a file the simulator appends every message it "hands to WhatsApp"
 * to (one JSON line, written before the send returns). The simulator's own record lives in memory
 * and dies with the process; this one survives a crash, so a crash test can count what really
 * went out per WhatsApp id. Unset (the default): no log.
 */
export function simulatorWireLog(env: Record<string, string | undefined> = process.env): ((message: SimulatedOutbound) => void) | undefined {
  const file = env.WHATSAPP_SIMULATOR_WIRE_LOG?.trim();
  if (!file) return undefined;
  return (message) => {
    appendFileSync(file, `${JSON.stringify({ wa_message_id: message.messageId, to: message.to, at: message.sentAt })}\n`);
  };
}
