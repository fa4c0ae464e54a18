import { z } from "zod";
import { staffRoleSchema } from "./roles.js";
import { shopDaysUtcRange, shopDaySchema, startOfShopDay } from "./shop-calendar.js";

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

/**
 * Actions the console reports through `POST /admin/audit/events`: the console's own sign-in
 * events (`auth.*`, posted as the `system` role with the person in the body) and exports a staff
 * member makes from a console page (`export.*`, always recorded as the caller).
 */
const EVENT_ACTION = /^(auth|export)\.[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

export const auditEventBodySchema = z
  .object({
    action: z.string().max(120).regex(EVENT_ACTION, "must be auth.<event> or export.<what>"),
    entity: z.string().trim().min(1).max(80),
    entity_id: z.string().max(200).nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    /** Only from the console's `system` actor, for sign-in events: who tried, from where. */
    actor_id: z.string().max(200).nullish(),
    actor_role: staffRoleSchema.nullish(),
    actor_name: z.string().max(200).nullish(),
    ip: z.string().max(100).nullish(),
  })
  .strict();
export type AuditEventBody = z.infer<typeof auditEventBodySchema>;

const ACTOR_FIELDS = ["actor_id", "actor_role", "actor_name", "ip"] as const;

/**
 * Whether `role` may post `body` as an event. `system` posts `auth.*` only; staff post `export.*`
 * only and never name an actor or address (they are recorded as themselves). Returns the field at
 * fault and why, or null when allowed.
 */
export function auditEventRefusal(role: string, body: AuditEventBody): { field: string; reason: string } | null {
  const family = body.action.split(".", 1)[0];
  if (role === "system") {
    return family === "auth" ? null : { field: "action", reason: "the system actor posts auth.* events only" };
  }
  if (role === "integration") return { field: "action", reason: "integrations do not post audit events" };
  if (family !== "export") return { field: "action", reason: "staff post export.* events only" };
  const named = ACTOR_FIELDS.find((f) => body[f] !== undefined && body[f] !== null);
  return named ? { field: named, reason: "is taken from your sign-in, not from the request" } : null;
}

/** A shop-time calendar day, "2026-11-30" (the shop calendar's `shopDaySchema`). */
export const shopDateSchema = shopDaySchema;

/** Keyset position: the last row's occurred_at (microseconds, UTC) and id, "…Z~aud_…". */
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[A-Za-z0-9_-]{1,100}$/;

export const auditListQuerySchema = z
  .object({
    actor_id: z.string().trim().min(1).max(200).optional(),
    entity: z.string().trim().min(1).max(80).optional(),
    entity_id: z.string().trim().min(1).max(200).optional(),
    /** An exact action, or a family with a trailing `*` (`staff.*`). */
    action: z.string().trim().regex(/^[a-z0-9_.]{1,120}\*?$/, "expected an action like staff.role_changed or staff.*").optional(),
    from: shopDateSchema.optional(),
    to: shopDateSchema.optional(),
    cursor: z.string().regex(CURSOR, "is not a cursor from a previous page").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** Shop days `from`…`to` (both included) as a half-open UTC range; either end may be open. */
export function shopDaysToUtc(from?: string, to?: string): { since: Date | null; until: Date | null } {
  return {
    since: from ? startOfShopDay(from) : null,
    until: to ? shopDaysUtcRange(to).to : null,
  };
}

export function encodeAuditCursor(occurredAt: string, id: string): string {
  return `${occurredAt}~${id}`;
}

export function decodeAuditCursor(cursor: string): { occurred_at: string; id: string } | null {
  if (!CURSOR.test(cursor)) return null;
  const at = cursor.indexOf("~");
  return { occurred_at: cursor.slice(0, at), id: cursor.slice(at + 1) };
}
