import { createHash } from "node:crypto";
import type { BulkRepairJobResult, BulkRepairJobsAnswer } from "@voltura/contracts";

export interface BulkRequest {
  action: "status" | "assign";
  ids: string[];
  status?: string;
  technician_id?: string | null;
  note?: string;
}

/** The body's fingerprint without its key: the same selection and action hash the same. */
export function bulkRequestHash(body: BulkRequest): string {
  const canonical = JSON.stringify([body.action, body.ids, body.status ?? null, body.technician_id ?? null, body.note ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** What a key seen before means: replay its results, or refuse a different body under it. */
export function decideBulkReplay(stored: { request_hash: string } | undefined, hash: string): "run" | "replay" | "reused" {
  if (!stored) return "run";
  return stored.request_hash === hash ? "replay" : "reused";
}

/** The answer of a run: results in the order asked, counted. */
export function bulkAnswer(action: BulkRequest["action"], results: BulkRepairJobResult[], replayed = false): BulkRepairJobsAnswer {
  const succeeded = results.filter((r) => r.ok).length;
  return { action, results, succeeded, failed: results.length - succeeded, replayed };
}

/** A refused job's reason from a thrown or workflow error (Medusa's `type` when it has one). */
export function bulkFailure(error: unknown): { type: string; message: string } {
  const e = (error ?? {}) as { type?: unknown; message?: unknown; details?: { type?: unknown } };
  const type = typeof e.details?.type === "string" ? e.details.type : typeof e.type === "string" ? e.type : "error";
  return { type, message: typeof e.message === "string" && e.message ? e.message : "The job could not be changed" };
}
