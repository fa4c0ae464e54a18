import { createHash } from "node:crypto";

/** JSON with object keys in sorted order, so the same request always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A fingerprint of what a request asked for (its parsed body without the key), to tell a retry from a key reused for something else. */
export function requestHash(request: Record<string, unknown>): string {
  const { idempotency_key: _key, ...rest } = request;
  return createHash("sha256").update(canonical(rest)).digest("hex");
}

export type KeyedWriteDecision = "write" | "replay" | "reused";

/**
 * What a write with an idempotency key does, given the row already stored under that key (read
 * under the lock that serialises writes with the key): nothing stored → write; the same request →
 * replay the stored result; another request → refuse (409 idempotency_key_reused).
 */
export function decideKeyedWrite(stored: { request_hash: string | null } | null, hash: string): KeyedWriteDecision {
  if (!stored) return "write";
  return stored.request_hash === hash ? "replay" : "reused";
}
