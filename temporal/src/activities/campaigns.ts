import { ApplicationFailure, Context } from "@temporalio/activity";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/client";
import { CAMPAIGN_PACER, type CampaignPacerInput } from "@voltura/domain";
import {
  CommerceError, dispatchFailed, dispatchNext, dispatchProgress, dispatchSent, sendWhatsAppPresence,
} from "@voltura/medusa-client";
import type { CampaignActivities, CampaignGateAnswer, campaignPacer } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";

/** The failure type of a gate call commerce refused (4xx): retrying the same call cannot help. */
export const CAMPAIGN_GATE_REFUSED = "CampaignGateRefused";

/** 4xx answers are final (non-retryable); 5xx and an unreachable commerce are retried — every call is idempotent. */
export function gateFailure(err: unknown, what: string): unknown {
  if (!(err instanceof CommerceError) || err.status >= 500) return err;
  return ApplicationFailure.create({
    message: `Commerce refused ${what}: ${err.status} ${err.message}`,
    type: CAMPAIGN_GATE_REFUSED,
    nonRetryable: true,
    details: [err.type ?? null],
  });
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw gateFailure(err, what);
  }
}

/** The gate's answer for the pacer; a send also starts the typing presence (best effort: a failure only loses the dots). */
async function askGate(commerce: ActivityDeps["commerce"], sessionId: string): Promise<CampaignGateAnswer> {
  const answer = await call("the campaign gate", () => dispatchNext(commerce, { session_id: sessionId }));
  if (answer.action !== "send") return answer;
  // "typing…" belongs to a chat; a template from a Cloud API number goes out at once.
  if (!answer.template) await sendWhatsAppPresence(commerce, sessionId, { to: answer.to, state: "composing" }).catch(() => undefined);
  return {
    action: "send",
    recipientId: answer.recipient_id,
    campaignId: answer.campaign_id,
    runNo: answer.run_no,
    to: answer.to,
    body: answer.body,
    media: answer.media,
    idempotencyKey: answer.idempotency_key,
    typingMs: answer.typing_ms,
    ...(answer.template ? { template: answer.template } : {}),
  };
}

export function createCampaignActivities({ commerce }: ActivityDeps): CampaignActivities {
  return {
    nextCampaignSend: ({ sessionId }) => askGate(commerce, sessionId),
    async recordCampaignSent({ sessionId, recipientId, messageId, status }) {
      await call("a sent record", () => dispatchSent(commerce, { recipient_id: recipientId, message_id: messageId, status }));
      return askGate(commerce, sessionId);
    },
    async recordCampaignFailed({ recipientId, reason, code }) {
      await call("a failure record", () => dispatchFailed(commerce, { recipient_id: recipientId, reason, ...(code === undefined ? {} : { code }) }));
    },
    async campaignProgress({ campaignId, runNo }) {
      const progress = await call("a progress check", () => dispatchProgress(commerce, { campaign_id: campaignId, run_no: runNo }));
      return {
        remaining: progress.remaining,
        done: progress.done,
        status: progress.status,
        ...(progress.session_ids ? { sessionIds: progress.session_ids } : {}),
      };
    },
    async wakeCampaignPacers({ sessionIds, mode, reason }) {
      const { client, info } = Context.current();
      for (const sessionId of new Set(sessionIds)) {
        const options = {
          taskQueue: info.taskQueue,
          workflowId: CAMPAIGN_PACER.workflowId(sessionId),
          args: [{ sessionId } satisfies CampaignPacerInput] as [CampaignPacerInput],
        };
        if (mode === "wake") {
          await client.workflow.signalWithStart<typeof campaignPacer, [{ reason: string }]>(CAMPAIGN_PACER.workflowType, {
            ...options, signal: CAMPAIGN_PACER.signals.wake, signalArgs: [{ reason }],
          });
          continue;
        }
        try {
          await client.workflow.start<typeof campaignPacer>(CAMPAIGN_PACER.workflowType, options);
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }
    },
  };
}
