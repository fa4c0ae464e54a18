import { createHash } from "node:crypto";

/** A fingerprint of what the till asked for, to refuse one key reused for a different sale. */
export function requestHash(body: Record<string, unknown>): string {
  const { manager_approval: _credentials, ...rest } = body;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}
