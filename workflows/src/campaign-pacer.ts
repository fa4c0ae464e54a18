import {
  ActivityFailure, ApplicationFailure, condition, continueAsNew, log, patched, proxyActivities, setHandler, workflowInfo,
} from "@temporalio/workflow";
import { campaignPacerInputSchema, type CampaignPacerInput } from "@voltura/domain";
import type { CampaignActivities, CampaignGateAnswer, CampaignSendOrder } from "./activities/campaigns.js";
import { WHATSAPP_SEND_FAILURES, type SendWhatsAppOutcome, type WhatsAppActivities } from "./activities/whatsapp.js";
import {
  PACER_MAX_HISTORY_EVENTS, PACER_MIN_WAIT_MS, PACER_RETRY_PAUSE_MS, PACER_SENDS_PER_RUN,
  pacerStateQuery, pacerStopSignal, pacerWakeSignal, type CampaignPacerResult, type PacerState,
} from "./campaign-definitions.js";
import { CLOUD_API_TEMPLATES_PATCH } from "./message-template-values.js";
import { failureMessage, isOptedOutFailure, parseFlowInput } from "./repair-flows-support.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

/** The gate and its records: idempotent, retried for as long as commerce is down. */
const gate = proxyActivities<CampaignActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

/**
 * The send itself: a few tries, then back to the gate, which offers the same recipient (same key,
 * so never a second message) once sending is allowed again — an emergency stop or pause in between holds it.
 */
const whatsApp = proxyActivities<WhatsAppActivities>({
  startToCloseTimeout: "1 minute",
  retry: {
    initialInterval: "2 seconds", backoffCoefficient: 2, maximumInterval: "30 seconds", maximumAttempts: 4,
    nonRetryableErrorTypes: [WHATSAPP_SEND_FAILURES.optedOut, WHATSAPP_SEND_FAILURES.refused],
  },
});

/**
 * The pacer of one WhatsApp number (id `pacer-<session_id>`), across every campaign on it. It asks
 * the commerce gate what to do and does exactly that: wait until the instant given (or a `wake`),
 * end after an idle hour, or send the one recipient the gate claimed — typing (started by the gate
 * call), the message through `sendWhatsApp` under the recipient's key, then the record, which
 * brings the gate's next answer. The gate holds every rule (gaps,
 * window, weekends, caps, pause, emergency stop); the pacer holds none, so it cannot outrun them.
 */
export async function campaignPacer(rawInput: CampaignPacerInput): Promise<CampaignPacerResult> {
  const input = parseFlowInput(campaignPacerInputSchema, rawInput, "campaign pacer");
  const state: PacerState = {
    sessionId: input.sessionId, phase: "asking", waitUntil: null, waitReason: null, sentTotal: input.sentTotal, sentThisRun: 0,
  };
  const signals = { woken: false, stopAsked: false };
  /** Before each gate call: a wake or stop that arrives while the gate is asked counts (the answer may predate it). */
  const listen = () => Object.assign(signals, { woken: false, stopAsked: false });
  setHandler(pacerWakeSignal, () => {
    signals.woken = true;
  });
  setHandler(pacerStopSignal, () => {
    Object.assign(signals, { woken: true, stopAsked: true });
  });
  setHandler(pacerStateQuery, () => ({ ...state }));

  /** The gate's answer that came with the last record, unless a signal arrived since. */
  let carried: CampaignGateAnswer | null = null;
  for (;;) {
    const info = workflowInfo();
    if (state.sentThisRun >= PACER_SENDS_PER_RUN || info.continueAsNewSuggested || info.historyLength > PACER_MAX_HISTORY_EVENTS) {
      await continueAsNew<typeof campaignPacer>({ sessionId: input.sessionId, sentTotal: state.sentTotal, idleMinutes: input.idleMinutes });
    }
    state.phase = "asking";
    const answer: CampaignGateAnswer = carried ?? (listen(), await gate.nextCampaignSend({ sessionId: input.sessionId }));
    carried = null;

    if (answer.action === "wait") {
      Object.assign(state, { phase: "waiting", waitUntil: answer.until, waitReason: answer.reason });
      await condition(() => signals.woken, Math.max(PACER_MIN_WAIT_MS, Date.parse(answer.until) - Date.now()));
      Object.assign(state, { waitUntil: null, waitReason: null });
      continue;
    }
    if (answer.action === "idle") {
      state.phase = "idle";
      if (!(await condition(() => signals.woken, input.idleMinutes * 60_000))) return { sessionId: input.sessionId, sentTotal: state.sentTotal };
      continue;
    }
    const outcome = await sendOne(answer, input.sessionId, state, signals, listen);
    if (outcome.sent) {
      state.sentTotal++;
      state.sentThisRun++;
    }
    if (outcome.next && !signals.woken) carried = outcome.next;
  }
}

interface SendOutcome {
  sent: boolean;
  /** The gate's next answer, when the record brought one. */
  next: CampaignGateAnswer | null;
}

/** One claimed recipient: typing (already started), the message, its record. */
async function sendOne(
  order: CampaignSendOrder, sessionId: string, state: PacerState, signals: { stopAsked: boolean }, listen: () => void,
): Promise<SendOutcome> {
  const stopAsked = () => signals.stopAsked;
  state.phase = "typing";
  // A stop during typing drops the send; the recipient stays claimed and is offered again later.
  if (order.typingMs > 0 && (await condition(stopAsked, order.typingMs))) return { sent: false, next: null };

  state.phase = "sending";
  let sent: SendWhatsAppOutcome;
  try {
    sent = await whatsApp.sendWhatsApp({
      idempotencyKey: order.idempotencyKey,
      to: order.to,
      body: order.body,
      sessionId,
      ...(order.media ? { media: order.media } : {}),
      // Only template orders ask, so histories of chat numbers stay as they were.
      ...(order.template && patched(CLOUD_API_TEMPLATES_PATCH) ? { cloudTemplate: order.template } : {}),
      context: { kind: "campaign", ref: order.recipientId },
    });
  } catch (err) {
    const final = finalSendFailure(err);
    if (!final) {
      log.warn("A campaign send failed for now; the gate offers it again", { sessionId, recipientId: order.recipientId, error: failureMessage(err) });
      await condition(stopAsked, PACER_RETRY_PAUSE_MS);
      return { sent: false, next: null };
    }
    await gate.recordCampaignFailed({ recipientId: order.recipientId, ...final });
    return { sent: false, next: null };
  }
  if (sent.status === "failed") {
    await gate.recordCampaignFailed({ recipientId: order.recipientId, reason: "gateway_failed" });
    return { sent: false, next: null };
  }
  const status = sent.status === "pending" ? "sent" : sent.status;
  listen();
  const next = await gate.recordCampaignSent({ sessionId, recipientId: order.recipientId, messageId: sent.messageId, status });
  return { sent: true, next };
}

/** The recipient's final failure (opted out, refused by the gateway), or null when a later try may work. */
function finalSendFailure(err: unknown): { reason: string; code?: string } | null {
  if (isOptedOutFailure(err)) return { reason: "opted_out", code: "opted_out" };
  if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure) || !err.cause.nonRetryable) return null;
  const [code] = (err.cause.details ?? []) as unknown[];
  return { reason: err.cause.message.slice(0, 500), ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}) };
}
