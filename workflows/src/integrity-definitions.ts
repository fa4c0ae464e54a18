/**
 * The nightly integrity check: names the worker and tests share, the activity it calls (types
 * only), and its pure helpers.
 */
import { shopDate } from "@voltura/domain";

export const INTEGRITY_NIGHTLY = {
  workflowType: "integrityNightly",
  scheduleId: "integrity-nightly",
  /** The id of each run the schedule starts (Temporal appends the scheduled time). */
  workflowId: "integrity-nightly",
  /** 02:30 in the shop's time zone, when the counter is closed. */
  hour: 2,
  minute: 30,
  catchupWindow: "1 hour",
} as const;

export interface IntegrityNightlyInput {
  /** IANA zone of the shop; the run's day (its idempotency key) is the shop's calendar day. */
  timeZone?: string;
}

export interface IntegrityRunOutcome {
  runId: string;
  ok: boolean;
  /** The day's run already existed (a retry or a second start that day). */
  replayed: boolean;
  /** Names of the checks that found problems. */
  failedChecks: string[];
}

export interface IntegrityNightlyResult extends IntegrityRunOutcome {
  shopDay: string;
}

export interface IntegrityActivities {
  /** Runs the platform integrity check in commerce and stores the run under the key (audit + owners' alert on a breach). */
  runIntegrityCheck(input: { idempotencyKey: string; shopDay: string }): Promise<IntegrityRunOutcome>;
}

/** The shop's calendar day ("2026-12-06") of an instant. */
export function integrityShopDay(atMs: number, timeZone: string): string {
  return shopDate(new Date(atMs), timeZone);
}

/** One stored run per shop day, whatever retries or catch-ups happen. */
export const integrityRunKey = (shopDay: string) => `integrity-nightly:${shopDay}`;
