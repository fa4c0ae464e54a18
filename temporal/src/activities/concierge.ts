import { ApplicationFailure } from "@temporalio/activity";
import { CommerceError, ConciergeApi } from "@voltura/medusa-client";
import type { ConciergeActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";

export const CONCIERGE_FAILURES = { refused: "ConciergeRefused" } as const;

/** 4xx from commerce will not change on retry (bad input, a missing handoff): non-retryable. 5xx / unreachable are retried. */
async function orFail<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CommerceError && err.status < 500) {
      throw ApplicationFailure.create({ message: `${what}: ${err.status} ${err.message}`, type: CONCIERGE_FAILURES.refused, nonRetryable: true });
    }
    throw err;
  }
}

/**
 * The conversation workflow's activities, over the concierge routes. Each is safe to retry:
 * the answer is recorded per message id, the escalation happens once per handoff.
 */
export function createConciergeActivities({ commerce }: ActivityDeps): ConciergeActivities {
  const api = new ConciergeApi(commerce);
  return {
    async findAwaitingQuote({ phone }) {
      const awaiting = await orFail("findAwaitingQuote", () => api.awaitingQuote(phone));
      return awaiting ? { jobNumber: awaiting.job_number, workflowId: awaiting.workflow_id } : null;
    },
    async answerInbound({ phone, body, messageId }) {
      const answer = await orFail("answerInbound", () => api.answer({ phone, body, message_id: messageId }));
      return {
        reply: answer.reply,
        handoff: answer.handoff ? { handoffId: answer.handoff.id, escalateAfterMs: answer.handoff.escalate_after_minutes * 60_000 } : null,
        language: answer.language,
        mode: answer.mode,
      };
    },
    async escalateHandoff({ handoffId }) {
      const result = await orFail("escalateHandoff", () => api.escalateHandoff(handoffId));
      return { escalate: result.escalate, managerPhones: result.manager_phones, alertText: result.alert_text };
    },
  };
}
