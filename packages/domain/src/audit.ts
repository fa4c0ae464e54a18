import { z } from "zod";

/**
 * The audit trail's vocabulary. One row per staff write, sign-in, failed sign-in, export, refund,
 * approval or role change. Rows are append-only: the database refuses UPDATE and DELETE on them.
 */
export const auditChangeSchema = z.object({ before: z.unknown(), after: z.unknown() });
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEntryInputSchema = z.object({
  /** Dotted verb, e.g. `staff.role_changed`, `auth.signin_failed`, `pos.refund`, `export.customers`. */
  action: z.string().min(1).max(120),
  /** The kind of record, e.g. `staff`, `repair_job`, `pos_sale`; `http` for the generic write row. */
  entity: z.string().min(1).max(80),
  entity_id: z.string().max(200).nullish(),
  /** Changed fields only: `{ role: { before: "cashier", after: "owner" } }`. */
  changes: z.record(z.string(), auditChangeSchema).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  actor_id: z.string().max(200).nullish(),
  actor_role: z.string().max(40).nullish(),
  actor_name: z.string().max(200).nullish(),
  request_id: z.string().max(200).nullish(),
  ip: z.string().max(100).nullish(),
});
export type AuditEntryInput = z.infer<typeof auditEntryInputSchema>;

/** Field-level difference between two records: only the fields whose values differ (JSON-compared). */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  fields?: readonly string[],
): Record<string, AuditChange> {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: Record<string, AuditChange> = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[key] = { before: b, after: a };
  }
  return out;
}

/** Fields whose values never enter the audit trail, whatever route they come through. */
const SECRET_FIELD = /pass(word)?|secret|token|api[_-]?key|credential|otp|pin$/i;

/** Replaces secret-looking fields (at any depth) with "[redacted]" before a body is audited. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) ? "[redacted]" : redactSecrets(v, depth + 1)]),
  );
}
