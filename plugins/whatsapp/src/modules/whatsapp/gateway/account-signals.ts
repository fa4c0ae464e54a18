import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import type { SendFailure, WhatsAppTransport } from "@voltura/whatsapp-transport";
import { limitsFromQuery } from "../../../domain/session-signals";
import { recordWhatsAppRefusalWorkflow } from "../../../workflows/record-whatsapp-refusal";
import type { SessionPatch } from "../../../workflows/steps/sessions";

/** How often an open session's limits are read again (they are also read on every connect). */
export const LIMITS_REFRESH_MS = 5 * 60_000;

/** When each owned session's limits were last asked for; a session just opened is due at once. */
export class LimitsSchedule {
  private readonly lastRead = new Map<string, number>();

  constructor(private readonly everyMs = LIMITS_REFRESH_MS) {}

  /** True (and marks the read) when the session's limits should be read now. */
  take(sessionId: string, now = Date.now()): boolean {
    const last = this.lastRead.get(sessionId);
    if (last !== undefined && now - last < this.everyMs) return false;
    this.lastRead.set(sessionId, now);
    return true;
  }

  /** The connection (re)opened: read again at the next chance. */
  reset(sessionId: string): void {
    this.lastRead.delete(sessionId);
  }
}

/**
 * Asks WhatsApp for the number's limits; the patch to store, or null when the question failed
 * (best effort: the last known limits stay, the next read tries again).
 */
export async function readLimits(transport: WhatsAppTransport, sessionId: string, logger: Logger): Promise<Omit<SessionPatch, "id"> | null> {
  try {
    return { limits: limitsFromQuery(await transport.accountLimits(), new Date()) };
  } catch (error) {
    logger.warn(`WhatsApp session ${sessionId}: limits not read: ${(error as Error).message}`);
    return null;
  }
}

/** A message WhatsApp refused in its acknowledgement: failed, counted against the number, announced. */
export async function recordAckRefusal(container: MedusaContainer, sessionId: string, failure: SendFailure, logger: Logger): Promise<void> {
  const { errors } = await recordWhatsAppRefusalWorkflow(container).run({
    input: { session_id: sessionId, wa_message_id: failure.messageId, ...(failure.statusCode !== undefined ? { status_code: failure.statusCode } : {}) },
    throwOnError: false,
  });
  if (errors.length) logger.warn(`WhatsApp refusal of ${failure.messageId} not recorded: ${errors[0]!.error.message}`);
}
