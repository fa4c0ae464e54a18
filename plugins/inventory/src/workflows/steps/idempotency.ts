import { createHash } from "node:crypto";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";

/** A fingerprint of what was asked, to tell a retry (same body) from a key reused for something else. */
export function requestHash(request: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/** A 409 whose code and details reach the answer (see `answerConflict`). */
export function inventoryConflict(code: string, message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.CONFLICT, message), { details: { code, ...details } });
}

/**
 * A request whose key is already stored: the same body gets the stored result (`replay`), another
 * body 409 `idempotency_key_reused` naming the field. Never a second document.
 */
export function replayOrRefuse<T>(stored: Readonly<Record<string, unknown>>, hash: string, replay: () => T): T {
  if (stored.request_hash !== hash) {
    throw inventoryConflict("idempotency_key_reused", "idempotency_key: this key was already used for a different request", { field: "idempotency_key" });
  }
  return replay();
}

/** True when `error` is PostgreSQL's unique violation of `index`: a concurrent request stored the key first. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === "23505" && e.constraint === index;
}

/** Runs `work` holding a document's lock (`purchase-order:<id>`, `stock-take:<id>`), which its other writers take too. */
export async function withDocumentLock<T>(container: MedusaContainer, key: string, work: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(key, work, { timeout: 10 });
}
