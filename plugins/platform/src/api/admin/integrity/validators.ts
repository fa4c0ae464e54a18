import { z } from "zod";

/** The nightly run: one idempotency key per shop day, so a retried run is stored, audited and alerted once. */
export const recordIntegrityRunBodySchema = z.object({
  idempotency_key: z.string().trim().min(1, "idempotency_key is required").max(200),
}).strict();

export const listIntegrityRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
