/**
 * The idempotency key of a form that writes (stock, payments): the hidden `key` its page made
 * when it rendered (a fresh one after every success), so a resubmission records nothing twice.
 */
export function formIdempotencyKey(data: FormData, purpose: string): string | undefined {
  const key = data.get("key");
  return typeof key === "string" && key.trim() ? `${purpose}-${key.trim()}` : undefined;
}
