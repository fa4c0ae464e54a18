import { PARTS_SEARCH_PRODUCT_FIELDS, roleAllowed, type AnyRole } from "@voltura/domain";

/**
 * Medusa's own /admin routes are closed to every Voltura role unless a row below opens one, for
 * one method and the roles that need it. Staff work goes through the Voltura routes, which check
 * roles and keep the shop's rules (stock through the ledger, staff through owner-only routes,
 * phones normalised, everything audited); Medusa's routes do none of that.
 *
 * Add a row only for a call the console, the worker or a plugin really makes, and say where.
 */
export interface CoreRouteGrant {
  method: "GET" | "POST" | "DELETE";
  /** Medusa's matcher exactly as it registers it, e.g. "/admin/products/:id". */
  route: string;
  roles: readonly AnyRole[];
  /** When set, the call must pass `fields` and name only these (keeps a read to what the caller shows). */
  fields?: readonly string[];
  /** Who makes this call. */
  usedBy: string;
}


/** Who edits repair lines (storefront-admin `JOB_ABILITY_ROLES.editLines`). */
const LINE_EDITORS: readonly AnyRole[] = ["owner", "manager", "technician"];

export const CORE_ROUTE_ALLOWLIST: readonly CoreRouteGrant[] = [
  {
    method: "GET",
    route: "/admin/products",
    roles: LINE_EDITORS,
    fields: PARTS_SEARCH_PRODUCT_FIELDS,
    usedBy: "console job workspace: parts and labour search (storefront-admin/src/lib/server/parts.ts)",
  },
  {
    method: "GET",
    route: "/admin/stock-locations",
    roles: LINE_EDITORS,
    fields: ["id", "name"],
    usedBy: "console job workspace: finds the Shop location for stock figures (storefront-admin/src/lib/server/parts.ts)",
  },
];

export type CoreRouteDecision = { allowed: true; grant: CoreRouteGrant } | { allowed: false; reason: string };

function requestedFields(query: unknown): string[] | null {
  const raw = (query as Record<string, unknown> | undefined)?.fields;
  if (typeof raw !== "string") return null;
  return raw.split(",").map((f) => f.trim()).filter(Boolean);
}

/**
 * May `role` call Medusa's `method route`? `route` is the matched Medusa matcher (null when no
 * Medusa endpoint matched). HEAD is read as GET. Deny by default.
 */
export function coreRouteDecision(method: string, route: string | null, role: AnyRole, query?: unknown): CoreRouteDecision {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const label = `${m} ${route ?? "(no such route)"}`;
  const grant = route ? CORE_ROUTE_ALLOWLIST.find((g) => g.method === m && g.route === route) : undefined;
  if (!grant) return { allowed: false, reason: `Medusa's ${label} is not open to Voltura roles` };
  if (!roleAllowed(role, grant.roles)) return { allowed: false, reason: `Your role (${role}) may not call ${label}` };
  if (grant.fields) {
    const fields = requestedFields(query);
    const extra = fields === null ? ["(all default fields)"] : fields.filter((f) => !grant.fields!.includes(f));
    if (fields === null || fields.length === 0 || extra.length) {
      return { allowed: false, reason: `${label} may read only these fields: ${grant.fields.join(",")} (asked for ${extra.join(",")})` };
    }
  }
  return { allowed: true, grant };
}
