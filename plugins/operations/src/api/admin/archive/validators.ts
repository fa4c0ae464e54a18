import { z } from "zod";
import { RESTORABLE_ENTITIES } from "../../../domain/archive-plan";

export const startArchiveRunBodySchema = z.object({
  idempotency_key: z.string().trim().min(1, "idempotency_key is required").max(200),
  /** Batches to move in this call; the same key continues the run until nothing old is left. */
  max_batches: z.number().int().min(1).max(100_000).default(2000),
}).strict();

export const listArchiveRunsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const archiveSearchQuerySchema = z.object({
  q: z.string().trim().min(3, "q must have at least 3 characters").max(100, "q must have at most 100 characters"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const restoreArchivedBodySchema = z.object({
  entity: z.enum(RESTORABLE_ENTITIES, { error: `entity must be one of ${RESTORABLE_ENTITIES.join(", ")}` }),
  id: z.string().trim().min(1, "id is required").max(200),
}).strict();
