import { auditListQuerySchema } from "@voltura/domain";
import type { AuditQuery } from "@voltura/contracts";

/**
 * The audit page's filters live in the URL (bookmarkable, shareable):
 * /audit?actor_id=user_…&entity=staff&entity_id=user_…&action=staff.*&from=2026-11-01&to=2026-11-30&cursor=…
 * Dates are shop days. An invalid value is reported by field name instead of being dropped silently.
 */
export interface AuditFilters {
  actor_id: string;
  entity: string;
  entity_id: string;
  action: string;
  from: string;
  to: string;
}

const FILTER_KEYS = ["actor_id", "entity", "entity_id", "action", "from", "to"] as const;
export const PAGE_SIZE = 50;

export function readAuditFilters(params: URLSearchParams): { filters: AuditFilters; cursor: string | null; query: AuditQuery | null; problem: string | null } {
  const text = (key: keyof AuditFilters) => params.get(key)?.trim() ?? "";
  const filters: AuditFilters = {
    actor_id: text("actor_id"), entity: text("entity"), entity_id: text("entity_id"), action: text("action"), from: text("from"), to: text("to"),
  };
  const cursor = params.get("cursor")?.trim() || null;
  const raw: Record<string, string | number> = { limit: PAGE_SIZE };
  for (const k of FILTER_KEYS) if (filters[k]) raw[k] = filters[k];
  if (cursor) raw.cursor = cursor;
  const parsed = auditListQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "filter")))];
    return { filters, cursor, query: null, problem: `Check these filters: ${fields.map((f) => LABELS[f] ?? f).join(", ")}.` };
  }
  return { filters, cursor, query: parsed.data, problem: null };
}

const LABELS: Record<string, string> = {
  actor_id: "person", entity: "record type", entity_id: "record id", action: "action", from: "from date", to: "to date", cursor: "page",
};

/** The page's URL for these filters (and a page cursor). */
export function auditHref(filters: AuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) params.set(k, filters[k]);
  if (cursor) params.set("cursor", cursor);
  return params.size ? `/audit?${params}` : "/audit";
}

/** The CSV export link for the same filters (every page, newest first). */
export function auditExportHref(filters: AuditFilters): string {
  return auditHref(filters).replace(/^\/audit/, "/audit/export");
}

export function isFiltered(filters: AuditFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== "");
}

/** Actions offered in the filter's suggestions; any other action can be typed. */
export const KNOWN_ACTIONS = [
  "staff.*", "staff.created", "staff.role_changed", "staff.deactivated", "staff.reactivated", "staff.updated",
  "auth.*", "auth.signin", "auth.signin_failed", "auth.account_locked",
  "export.*", "export.audit", "export.customers", "export.inventory",
  "http.*", "http.post", "http.delete",
] as const;

/** Record types offered in the filter's suggestions (the generic write rows name theirs after the route). */
export const KNOWN_ENTITIES = ["staff", "customer", "inventory_item", "audit_entry", "repair_jobs", "crm.customers", "pos.checkout", "settings"] as const;

/** A change as a short sentence part: `role: cashier → owner`. */
export function describeChange(field: string, change: { before: unknown; after: unknown }): string {
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return `${field}: ${show(change.before)} → ${show(change.after)}`;
}
