import { ActivityFailure, ApplicationFailure, condition, proxyActivities } from "@temporalio/workflow";
import { z } from "zod";
import type { RepairFlowActivities } from "./activities/repair-flows.js";
import { WHATSAPP_SEND_FAILURES, type WhatsAppActivities } from "./activities/whatsapp.js";

/** The failure type when a repair flow is started with an input it cannot use. */
export const INVALID_FLOW_INPUT_FAILURE = "InvalidRepairFlowInput";

/** Commerce reads and writes: quick calls, retried for a while (commerce restarts, deploys). */
export const repairFlowActivities = proxyActivities<RepairFlowActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "5 seconds", backoffCoefficient: 2, maximumInterval: "10 minutes", maximumAttempts: 12 },
});

/** WhatsApp sends: idempotent by key, so a retry never sends twice; an opted-out contact is final. */
export const whatsAppActivities = proxyActivities<WhatsAppActivities>({
  startToCloseTimeout: "1 minute",
  retry: {
    initialInterval: "5 seconds",
    backoffCoefficient: 2,
    maximumInterval: "10 minutes",
    maximumAttempts: 10,
    nonRetryableErrorTypes: [WHATSAPP_SEND_FAILURES.optedOut],
  },
});

export function parseFlowInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.nonRetryable(`Invalid ${what} input: ${z.prettifyError(parsed.error)}`, INVALID_FLOW_INPUT_FAILURE);
}

/** Waits until `done()` or the wall time `atMs` (workflow time); true when `done()` came first. */
export async function waitUntil(done: () => boolean, atMs: number): Promise<boolean> {
  const remaining = atMs - Date.now();
  if (done() || remaining <= 0) return done();
  return condition(done, remaining);
}

export function isOptedOutFailure(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === WHATSAPP_SEND_FAILURES.optedOut;
}

export function failureMessage(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}

export const iso = (ms: number) => new Date(ms).toISOString();
