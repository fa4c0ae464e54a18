/**
 * Messages that only manage WhatsApp subscriptions ("STOP", "BERHENTI", "START"). The gateway
 * records them as an opt-out or opt-in; the concierge must not answer them like a question.
 * Kept in step with the gateway's own word lists (plugins/whatsapp domain/opt-out.ts).
 */
const SUBSCRIPTION_WORDS = new Set(["stop", "berhenti", "unsubscribe", "stop all", "henti", "start", "mula", "subscribe"]);

export function isSubscriptionKeyword(text: string): boolean {
  const bare = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.!?,;:'"()*_~-]+/g, " ")
    .trim();
  return SUBSCRIPTION_WORDS.has(bare);
}
