// Activity proxies and helpers the operations workflows share (not exported from workflows.ts:
// every function exported there is a workflow type).
import { ActivityFailure, ApplicationFailure, proxyActivities } from "@temporalio/workflow";
import { z } from "zod";
import { OPERATIONS_FAILURE, RESTORE_REFUSALS, type OperationsActivities } from "./operations-definitions.js";

/** Commerce reads and writes: quick, retried for a while (commerce restarting or in maintenance answers 503). */
export const commerceOps = proxyActivities<OperationsActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "10 seconds", backoffCoefficient: 2, maximumInterval: "10 minutes", maximumAttempts: 12 },
});

/** Housekeeping that the next run repeats anyway: two tries, then the workflow moves on. */
export const bestEffortOps = proxyActivities<OperationsActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "10 seconds", maximumAttempts: 2 },
});

/**
 * Long database work (backup, copy, retention, restore test, optimisation): each activity
 * heartbeats while it runs, so a dead worker is noticed in minutes, not hours. Few retries: each
 * attempt is idempotent but costly.
 */
export const longOps = proxyActivities<OperationsActivities>({
  startToCloseTimeout: "4 hours",
  heartbeatTimeout: "2 minutes",
  retry: { initialInterval: "1 minute", backoffCoefficient: 2, maximumInterval: "15 minutes", maximumAttempts: 3, nonRetryableErrorTypes: [...RESTORE_REFUSALS] },
});

/** Restore steps: long, heartbeating, never retried after a refusal (a newer backup, a corrupt file). */
export const restoreOps = proxyActivities<OperationsActivities>({
  startToCloseTimeout: "6 hours",
  heartbeatTimeout: "2 minutes",
  retry: { initialInterval: "30 seconds", backoffCoefficient: 2, maximumInterval: "5 minutes", maximumAttempts: 3, nonRetryableErrorTypes: [...RESTORE_REFUSALS] },
});

export function parseOperationsInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.nonRetryable(`Invalid ${what} input: ${z.prettifyError(parsed.error)}`, "InvalidOperationsInput");
}

/** The innermost message of an activity failure (the activity's own error, not "Activity task failed"). */
export function failureMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof ActivityFailure && current.cause) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

export { shopTimeZone } from "@voltura/domain";

/** Ends the workflow as failed once the failure is reported (alert raised, restore rolled back). */
export function reportedFailure(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, OPERATIONS_FAILURE);
}
