/** Activities of the concierge (conversation workflow), as workflows see them (types only). */

export interface AwaitingQuote {
  jobNumber: string;
  /** The quote-confirmation workflow waiting for this customer's answer (`quote-VSH-…`). */
  workflowId: string;
}

export interface ConciergeAnswerResult {
  /** Empty when the bot must stay quiet (a person handles the chat). */
  reply: string;
  handoff: { handoffId: string; escalateAfterMs: number } | null;
  language: "ms" | "en" | "mixed";
  mode: "llm" | "offline" | "quiet";
}

export interface HandoffEscalation {
  /** False when the handoff was answered, closed or escalated already: nothing to send. */
  escalate: boolean;
  managerPhones: string[];
  alertText: string;
}

export interface ConciergeActivities {
  findAwaitingQuote(input: { phone: string }): Promise<AwaitingQuote | null>;
  /** Runs the concierge (agent or offline mode) on one message; idempotent per messageId. */
  answerInbound(input: { phone: string; body: string; messageId: string }): Promise<ConciergeAnswerResult>;
  /** Marks the handoff escalated (once) and says whom to alert. */
  escalateHandoff(input: { handoffId: string }): Promise<HandoffEscalation>;
}
