import { ALL_STAFF, CRM_EDITORS, MANAGERS, REPAIR_DESK, roleAllowed, type StaffRole } from "@voltura/domain";

/**
 * Who may open each route, by SvelteKit route id. Deny by default: a route id that is not listed
 * here is refused to everyone (route-access.test.ts fails when a route file is missing from it).
 * Public routes: /login, the first-run /setup, /health, the customer pages /track/[token] and /optout/[token],
 * and Meta's WhatsApp webhook /webhooks/whatsapp/cloud (commerce checks its signature).
 */
export type RouteAccess = "public" | readonly StaffRole[];

/** The sales counter: cashiers, managers and owners. */
const COUNTER: readonly StaffRole[] = ["owner", "manager", "cashier"];

/** Quotations and invoices are counter work: cashiers create them; reports and exports are managers'. */
const INVOICING_DESK: readonly StaffRole[] = ["owner", "manager", "cashier"];

/** Backups, restores and the shop's secrets: the owner alone (a restore replaces everyone's data). */
export const OWNERS_ONLY: readonly StaffRole[] = ["owner"];

/** Bulk exports (customer list, stock levels) leave the system: owners and managers only, and audited. */
export const EXPORTERS: readonly StaffRole[] = MANAGERS;

export const ROUTE_ACCESS = {
  "/login": "public",
  // First-run setup: answers only while the shop has no staff (otherwise it sends to /login).
  "/setup": "public",
  "/health": "public",
  "/logout": ALL_STAFF,
  "/preferences": ALL_STAFF,
  // Live changes (server-sent events) for every page of the staff area; commerce filters topics by role.
  "/live": ALL_STAFF,
  // The command palette's search (commerce leaves out the kinds the role may not read).
  "/search": ALL_STAFF,
  "/(staff)/account/password": ALL_STAFF,
  "/(staff)": REPAIR_DESK,
  "/(staff)/jobs": REPAIR_DESK,
  "/(staff)/jobs/new": REPAIR_DESK,
  "/(staff)/jobs/[id]": REPAIR_DESK,
  "/(staff)/jobs/board": REPAIR_DESK,
  "/(staff)/jobs/mine": REPAIR_DESK,
  "/(staff)/jobs/parts": REPAIR_DESK,
  "/(staff)/jobs/new/lookup": REPAIR_DESK,
  "/(staff)/jobs/[id]/documents/[kind]": REPAIR_DESK,
  // The jobs list's CSV (audited, like every export) and the selected jobs' intake slips in one PDF.
  "/(staff)/jobs/export": EXPORTERS,
  "/(staff)/jobs/slips": REPAIR_DESK,
  "/track/[token]": "public",
  "/(staff)/settings/staff": MANAGERS,
  "/(staff)/customers": ALL_STAFF,
  "/(staff)/customers/new": CRM_EDITORS,
  "/(staff)/customers/[id]": ALL_STAFF,
  "/(staff)/customers/export": EXPORTERS,
  "/(staff)/customers/duplicates": MANAGERS,
  "/(staff)/settings/shop": MANAGERS,
  "/(staff)/pos": COUNTER,
  "/(staff)/pos/catalogue": COUNTER,
  "/(staff)/pos/checkout": COUNTER,
  "/(staff)/pos/sales": COUNTER,
  "/(staff)/pos/sales/export": EXPORTERS,
  "/(staff)/pos/sales/[id]": COUNTER,
  "/(staff)/pos/sales/[id]/receipt": COUNTER,
  "/(staff)/pos/sales/[id]/pdf": COUNTER,
  "/(staff)/pos/shifts": COUNTER,
  "/(staff)/pos/settings": MANAGERS,
  "/(staff)/whatsapp/sessions": ["owner", "manager", "technician"],
  "/(staff)/whatsapp/simulator": MANAGERS,
  "/(staff)/whatsapp/messages": ["owner", "manager", "technician"],
  "/(staff)/inbox": ALL_STAFF,
  "/(staff)/inbox/[phone]": ALL_STAFF,
  "/(staff)/knowledge": ALL_STAFF,
  "/(staff)/inventory": ALL_STAFF,
  "/(staff)/inventory/export": EXPORTERS,
  "/(staff)/inventory/[id]": ALL_STAFF,
  "/(staff)/inventory/suppliers": MANAGERS,
  "/(staff)/inventory/purchase-orders": MANAGERS,
  "/(staff)/inventory/purchase-orders/[id]": MANAGERS,
  "/(staff)/inventory/purchase-orders/[id]/pdf": MANAGERS,
  "/(staff)/inventory/adjustments": MANAGERS,
  "/(staff)/inventory/stock-takes": MANAGERS,
  "/(staff)/inventory/stock-takes/[id]": MANAGERS,
  "/(staff)/invoicing/quotations": INVOICING_DESK,
  "/(staff)/invoicing/quotations/new": INVOICING_DESK,
  "/(staff)/invoicing/quotations/export": EXPORTERS,
  "/(staff)/invoicing/quotations/[id]": INVOICING_DESK,
  "/(staff)/invoicing/quotations/[id]/pdf": INVOICING_DESK,
  "/(staff)/invoicing/invoices": INVOICING_DESK,
  "/(staff)/invoicing/invoices/new": INVOICING_DESK,
  "/(staff)/invoicing/invoices/export": EXPORTERS,
  "/(staff)/invoicing/invoices/[id]": INVOICING_DESK,
  "/(staff)/invoicing/invoices/[id]/pdf": INVOICING_DESK,
  "/(staff)/invoicing/invoices/[id]/myinvois": MANAGERS,
  "/(staff)/invoicing/invoices/consolidated": MANAGERS,
  "/(staff)/reports": MANAGERS,
  "/(staff)/reports/export": MANAGERS,
  "/(staff)/settings/documents": MANAGERS,
  "/(staff)/settings/integrity": MANAGERS,
  "/(staff)/audit": MANAGERS,
  "/(staff)/audit/export": MANAGERS,
  // The archive (search, bring back, runs) and PDPA exports: owners and managers; anonymising a customer: owners.
  "/(staff)/archive": MANAGERS,
  "/(staff)/archive/customers/[id]/export": EXPORTERS,
  "/(staff)/archive/customers/[id]/anonymise": OWNERS_ONLY,
  // WhatsApp campaigns: planned and run by owners and managers; anyone on the staff may press the emergency stop.
  "/(staff)/campaigns": MANAGERS,
  "/(staff)/campaigns/new": MANAGERS,
  "/(staff)/campaigns/[id]": MANAGERS,
  "/(staff)/campaigns/[id]/edit": MANAGERS,
  "/(staff)/campaigns/[id]/export": MANAGERS,
  "/(staff)/campaigns/audience": MANAGERS,
  "/(staff)/campaigns/templates": MANAGERS,
  "/(staff)/campaigns/blacklist": MANAGERS,
  "/(staff)/campaigns/blacklist/export": MANAGERS,
  "/(staff)/campaigns/senders": MANAGERS,
  "/(staff)/campaigns/emergency-stop": ALL_STAFF,
  // The customer's opt-out page, reached by the signed link in a campaign message.
  "/optout/[token]": "public",
  // Meta's WhatsApp Cloud API webhook: forwarded verbatim to commerce, which checks the verify token and the signature.
  "/webhooks/whatsapp/cloud": "public",
  // Operations: backups (download, verify, restore), restore runs and their live progress, backup settings.
  "/(staff)/settings/maintenance": OWNERS_ONLY,
  // The settings workspace: its landing and the sections for WhatsApp, the concierge and message templates.
  "/(staff)/settings": MANAGERS,
  "/(staff)/settings/whatsapp": MANAGERS,
  // WhatsApp Cloud API numbers: their Meta ids and secrets, webhook address and templates.
  "/(staff)/settings/whatsapp/cloud/new": MANAGERS,
  "/(staff)/settings/whatsapp/cloud/[id]": MANAGERS,
  "/(staff)/settings/whatsapp/cloud/[id]/templates": MANAGERS,
  "/(staff)/settings/concierge": MANAGERS,
  "/(staff)/settings/messages": MANAGERS,
  "/(staff)/settings/maintenance/backups/[id]/download": OWNERS_ONLY,
  "/(staff)/settings/maintenance/restores/[id]": OWNERS_ONLY,
  "/(staff)/settings/maintenance/restores/[id]/progress": OWNERS_ONLY,
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

/** Resolves redirect targets; only its origin matters (any fixed origin would do). */
const REDIRECT_BASE = new URL("http://console.invalid");
/** Control characters (browsers drop tab / CR / LF inside URLs) and backslashes (read as "/"). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_TARGET = /[\u0000-\u001F\u007F-\u009F\\]/;
const SIGN_IN_PAGES = /^\/(login|logout)(\/|$)/i;

function looksLocal(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE_IN_TARGET.test(path);
}

/**
 * Only same-site paths are followed after sign-in (no open redirects). The value must be a
 * path, also once percent-decoded (up to three rounds), without control characters or
 * backslashes; it is then resolved against a fixed origin and must stay on it. Returns the
 * normalised path + query + hash (what the browser will really load), or "/".
 */
export function safeRedirectTarget(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return "/";
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    if (!looksLocal(decoded)) return "/";
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break; // a stray "%": browsers cannot decode it either
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (!looksLocal(decoded)) return "/";
  let url: URL;
  try {
    url = new URL(value, REDIRECT_BASE);
  } catch {
    return "/";
  }
  const target = `${url.pathname}${url.search}${url.hash}`;
  // "/..//evil" resolves to the path "//evil": check what the browser would follow, too.
  if (url.origin !== REDIRECT_BASE.origin || !looksLocal(target)) return "/";
  const decodedPath = decoded.split(/[?#]/, 1)[0] ?? "";
  if (SIGN_IN_PAGES.test(url.pathname) || SIGN_IN_PAGES.test(decodedPath)) return "/";
  return target;
}
