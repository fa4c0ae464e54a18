import { ApplicationFailure } from "@temporalio/activity";
import { CommerceError } from "@voltura/medusa-client";
import type { IntegrityActivities, IntegrityRunOutcome } from "@voltura/workflows";
import { z } from "zod";
import type { ActivityDeps } from "./index.js";

/** What the worker reads of POST /admin/integrity/runs (the rest of the run is for the console). */
const recordedRunSchema = z.object({
  run: z.object({
    id: z.string(),
    ok: z.boolean(),
    summary: z.object({ checks: z.array(z.object({ name: z.string(), ok: z.boolean() }).passthrough()) }).passthrough(),
  }).passthrough(),
  replayed: z.boolean(),
}).passthrough();

/** The nightly integrity check, run by commerce as the worker's `system` actor under the day's key. */
export function createIntegrityActivities({ commerce }: ActivityDeps): IntegrityActivities {
  return {
    async runIntegrityCheck({ idempotencyKey }): Promise<IntegrityRunOutcome> {
      try {
        const { run, replayed } = await commerce.request("POST", "/admin/integrity/runs", recordedRunSchema, { idempotency_key: idempotencyKey });
        return { runId: run.id, ok: run.ok, replayed, failedChecks: run.summary.checks.filter((c) => !c.ok).map((c) => c.name) };
      } catch (err) {
        // 4xx will not change on retry; 5xx and an unreachable commerce are retried.
        if (err instanceof CommerceError && err.status < 500) {
          throw ApplicationFailure.create({ message: `Integrity run ${idempotencyKey}: ${err.status} ${err.message}`, type: "CommerceRefused", nonRetryable: true });
        }
        throw err;
      }
    },
  };
}
