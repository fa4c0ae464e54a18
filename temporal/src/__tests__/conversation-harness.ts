import { HANDOFF_TEXT } from "@voltura/conversation";
import type { AwaitingQuote, ConciergeActivities, SendWhatsAppRequest, WhatsAppActivities } from "@voltura/workflows";

/**
 * Activities for the conversation tests, recording every call: the commerce side is covered by
 * the concierge HTTP suites; here the workflow's own logic is under test (dedupe, quote replies,
 * quiet during a handoff, escalation), on a real Temporal server.
 */
export function conversationActivities(options: { escalateAfterMs: number; managerPhones?: string[] }) {
  const sent: SendWhatsAppRequest[] = [];
  const answered: Array<{ phone: string; body: string; messageId: string }> = [];
  const escalated: string[] = [];
  const awaiting = new Map<string, AwaitingQuote>();
  const sentKeys = new Set<string>();
  let handoffs = 0;

  const activities: ConciergeActivities & WhatsAppActivities = {
    async findAwaitingQuote({ phone }) {
      return awaiting.get(phone) ?? null;
    },
    async answerInbound(input) {
      answered.push(input);
      if (/drone|human|orang/i.test(input.body)) {
        handoffs++;
        return { reply: HANDOFF_TEXT, handoff: { handoffId: `hoff_test_${handoffs}`, escalateAfterMs: options.escalateAfterMs }, language: "ms", mode: "offline" };
      }
      return { reply: `answer to: ${input.body}`, handoff: null, language: "en", mode: "offline" };
    },
    async escalateHandoff({ handoffId }) {
      const first = !escalated.includes(handoffId);
      escalated.push(handoffId);
      return { escalate: first, managerPhones: options.managerPhones ?? ["+60123450099"], alertText: `Unanswered handoff ${handoffId}` };
    },
    // The WA gateway's send, keyed like the real one: a replayed key never sends twice.
    async sendWhatsApp(input) {
      if (!sentKeys.has(input.idempotencyKey)) {
        sentKeys.add(input.idempotencyKey);
        sent.push(input);
      }
      return { messageId: `msg_${input.idempotencyKey}`, waMessageId: null, status: "sent" };
    },
  };
  return { activities, sent, answered, escalated, awaiting };
}

/** Polls until the check passes (signals and activities run asynchronously). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw lastError;
}
