import { defineQuery, defineSignal } from "@temporalio/workflow";
import { CAMPAIGN_PACER, type PacerSignal } from "@voltura/domain";

/** Ask the gate again now (a launch, a resume, a released emergency stop). */
export const pacerWakeSignal = defineSignal<[PacerSignal]>(CAMPAIGN_PACER.signals.wake);
/** Drop a send that has not reached the gateway yet and ask the gate again (emergency stop, pause). */
export const pacerStopSignal = defineSignal<[PacerSignal]>(CAMPAIGN_PACER.signals.stop);

export interface PacerState {
  sessionId: string;
  phase: "asking" | "waiting" | "idle" | "typing" | "sending";
  /** While waiting: until when, and the gate's reason. */
  waitUntil: string | null;
  waitReason: string | null;
  sentTotal: number;
  sentThisRun: number;
}
export const pacerStateQuery = defineQuery<PacerState>(CAMPAIGN_PACER.query);

export interface CampaignPacerResult {
  sessionId: string;
  sentTotal: number;
}

/** Sends per pacer run before continue-as-new: its history stays the same size whatever the audience. */
export const PACER_SENDS_PER_RUN = 200;
/** A pacer run also continues as new past this many history events (long waits, many wakes). */
export const PACER_MAX_HISTORY_EVENTS = 10_000;
/** Polls per campaign run before continue-as-new. */
export const RUN_POLLS_PER_HISTORY = 500;
/** The shortest wait before asking the gate again, so a gate answering "wait until now" cannot spin. */
export const PACER_MIN_WAIT_MS = 1_000;
/** After a send that failed for a passing reason (gateway or commerce down), the pacer pauses this long. */
export const PACER_RETRY_PAUSE_MS = 30_000;

export const RUN_POLL_MIN_MS = 60_000;
export const RUN_POLL_MAX_MS = 30 * 60_000;

/**
 * When the run checks progress next: every minute near the end, less often while much remains or
 * nothing moves (nights, weekends, a paused campaign). The wait is half the time the remaining
 * recipients need at the rate seen since the last poll, between 1 and 30 minutes; with no progress
 * it doubles.
 */
export function nextPollDelayMs(previousRemaining: number, remaining: number, elapsedMs: number, lastDelayMs: number): number {
  const drained = previousRemaining - remaining;
  if (drained <= 0 || elapsedMs <= 0) return Math.min(RUN_POLL_MAX_MS, Math.max(RUN_POLL_MIN_MS, lastDelayMs * 2));
  const etaMs = (remaining * elapsedMs) / drained;
  return Math.min(RUN_POLL_MAX_MS, Math.max(RUN_POLL_MIN_MS, Math.round(etaMs / 2)));
}

/** Statuses after which a run has nothing more to watch. */
export const FINISHED_CAMPAIGN_STATUSES: readonly string[] = ["completed", "cancelled"];
