import { ALL_STAFF, CRM_EDITORS, MANAGERS, REPAIR_DESK, roleAllowed, type StaffRole } from "@voltura/domain";

/**
 * Who may open each route, by SvelteKit route id. Deny by default: a route id that is not listed
 * here is refused to everyone (route-access.test.ts fails when a route file is missing from it).
 * Public routes: /login, /health and the customer's tracking page /track/[token].
 */
export type RouteAccess = "public" | readonly StaffRole[];

/** The sales counter: cashiers, managers and owners. */
const COUNTER: readonly StaffRole[] = ["owner", "manager", "cashier"];

/** Quotations and invoices are counter work: cashiers create them; reports and exports are managers'. */
const SALES_DESK: readonly StaffRole[] = ["owner", "manager", "cashier"];

export const ROUTE_ACCESS = {
  "/login": "public",
  "/health": "public",
  "/logout": ALL_STAFF,
  "/preferences": ALL_STAFF,
  "/(staff)": REPAIR_DESK,
  "/(staff)/jobs": REPAIR_DESK,
  "/(staff)/jobs/new": REPAIR_DESK,
  "/(staff)/jobs/[id]": REPAIR_DESK,
  "/(staff)/jobs/board": REPAIR_DESK,
  "/(staff)/jobs/mine": REPAIR_DESK,
  "/(staff)/jobs/parts": REPAIR_DESK,
  "/(staff)/jobs/new/lookup": REPAIR_DESK,
  "/(staff)/jobs/[id]/documents/[kind]": REPAIR_DESK,
  "/track/[token]": "public",
  "/(staff)/settings/staff": MANAGERS,
  "/(staff)/customers": ALL_STAFF,
  "/(staff)/customers/new": CRM_EDITORS,
  "/(staff)/customers/[id]": ALL_STAFF,
  "/(staff)/customers/export": ALL_STAFF,
  "/(staff)/customers/duplicates": MANAGERS,
  "/(staff)/settings/shop": MANAGERS,
  "/(staff)/pos": COUNTER,
  "/(staff)/pos/catalogue": COUNTER,
  "/(staff)/pos/checkout": COUNTER,
  "/(staff)/pos/sales": COUNTER,
  "/(staff)/pos/sales/[id]": COUNTER,
  "/(staff)/pos/sales/[id]/receipt": COUNTER,
  "/(staff)/pos/sales/[id]/pdf": COUNTER,
  "/(staff)/pos/shifts": COUNTER,
  "/(staff)/whatsapp/sessions": ["owner", "manager", "technician"],
  "/(staff)/whatsapp/simulator": ALL_STAFF,
  "/(staff)/whatsapp/messages": ["owner", "manager", "technician"],
  "/(staff)/inbox": ALL_STAFF,
  "/(staff)/inbox/[phone]": ALL_STAFF,
  "/(staff)/knowledge": ALL_STAFF,
  "/(staff)/inventory": ALL_STAFF,
  "/(staff)/inventory/export": ALL_STAFF,
  "/(staff)/inventory/[id]": ALL_STAFF,
  "/(staff)/inventory/suppliers": MANAGERS,
  "/(staff)/inventory/purchase-orders": MANAGERS,
  "/(staff)/inventory/purchase-orders/[id]": MANAGERS,
  "/(staff)/inventory/purchase-orders/[id]/pdf": MANAGERS,
  "/(staff)/inventory/adjustments": MANAGERS,
  "/(staff)/inventory/stock-takes": MANAGERS,
  "/(staff)/inventory/stock-takes/[id]": MANAGERS,
  "/(staff)/sales/quotations": SALES_DESK,
  "/(staff)/sales/quotations/new": SALES_DESK,
  "/(staff)/sales/quotations/[id]": SALES_DESK,
  "/(staff)/sales/quotations/[id]/pdf": SALES_DESK,
  "/(staff)/sales/invoices": SALES_DESK,
  "/(staff)/sales/invoices/new": SALES_DESK,
  "/(staff)/sales/invoices/[id]": SALES_DESK,
  "/(staff)/sales/invoices/[id]/pdf": SALES_DESK,
  "/(staff)/sales/invoices/[id]/myinvois": MANAGERS,
  "/(staff)/sales/invoices/consolidated": MANAGERS,
  "/(staff)/reports": MANAGERS,
  "/(staff)/reports/export": MANAGERS,
  "/(staff)/settings/documents": MANAGERS,
} as const satisfies Record<string, RouteAccess>;

export type KnownRouteId = keyof typeof ROUTE_ACCESS;

export type AccessDecision =
  | { kind: "allow" }
  | { kind: "sign-in" }
  | { kind: "forbidden"; reason: "role" | "unlisted" };

export function accessRule(routeId: string | null): RouteAccess | undefined {
  if (routeId === null || !Object.hasOwn(ROUTE_ACCESS, routeId)) return undefined;
  return ROUTE_ACCESS[routeId as KnownRouteId];
}

/**
 * The hook's verdict for a request. `routeId` null means no route matched (a 404): signed-in
 * staff get the 404 page, everyone else is sent to sign in first.
 */
export function decideAccess(routeId: string | null, role: string | null): AccessDecision {
  const rule = accessRule(routeId);
  if (rule === "public") return { kind: "allow" };
  if (!role) return { kind: "sign-in" };
  if (routeId === null) return { kind: "allow" };
  if (rule === undefined) return { kind: "forbidden", reason: "unlisted" };
  return roleAllowed(role, rule) ? { kind: "allow" } : { kind: "forbidden", reason: "role" };
}

/** May `role` open the route? Used to filter navigation; same rules as the hook. */
export function canOpen(routeId: KnownRouteId, role: string | null | undefined): boolean {
  return decideAccess(routeId, role ?? null).kind === "allow";
}

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeRedirectTarget(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/login") || value.startsWith("/logout")) return "/";
  return value;
}
