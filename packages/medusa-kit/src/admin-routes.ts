import type { MedusaRequest } from "@medusajs/framework/http";

/**
 * Every staffRoute() handler carries this function name. Medusa wraps each route handler
 * (wrapHandler) before giving it to Express and copies the handler's name onto the wrapper, so
 * the name is what survives into the live router. Medusa's own endpoints are named after their
 * HTTP method (`export const GET = async (req, res) => …`).
 */
export const STAFF_ROUTE_FN_NAME = "volturaStaffRoute";
const ENDPOINT_NAMES = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]);

/** The parts of Express 4 (and 5) router layers read here. */
interface RouterLayer {
  regexp?: RegExp & { fast_slash?: boolean; fast_star?: boolean };
  match?: (path: string) => boolean;
  route?: {
    path: unknown;
    methods?: Record<string, boolean | undefined>;
    stack?: Array<{ handle?: { name?: string } }>;
  };
}
interface ExpressAppLike {
  _router?: { stack?: RouterLayer[] };
  router?: { stack?: RouterLayer[] };
}

export type AdminRouteKind = "voltura" | "core" | "middleware";

export interface AdminRouteEntry {
  /** The matcher as Medusa registered it, e.g. "/admin/staff/:id". */
  path: string;
  methods: string[];
  kind: AdminRouteKind;
  layer: RouterLayer;
}

let table: { stack: RouterLayer[]; length: number; entries: AdminRouteEntry[] } | null = null;

function kindOf(layer: RouterLayer): AdminRouteKind {
  const name = layer.route?.stack?.[0]?.handle?.name ?? "";
  if (name === STAFF_ROUTE_FN_NAME) return "voltura";
  return ENDPOINT_NAMES.has(name) ? "core" : "middleware";
}

function routerStack(app: unknown): RouterLayer[] {
  const a = app as ExpressAppLike | undefined;
  return a?._router?.stack ?? a?.router?.stack ?? [];
}

/**
 * The /admin route layers of the live Express router, in dispatch order: each is a Voltura
 * endpoint (staffRoute), a Medusa endpoint, or a per-route middleware. Rebuilt when the stack
 * changes (development reloads).
 */
export function adminRouteTable(app: unknown): AdminRouteEntry[] {
  const stack = routerStack(app);
  if (table && table.stack === stack && table.length === stack.length) return table.entries;
  const entries: AdminRouteEntry[] = [];
  for (const layer of stack) {
    const path = layer.route?.path;
    if (typeof path !== "string" || !/^\/admin(\/|$)/.test(path)) continue;
    const methods = Object.entries(layer.route?.methods ?? {})
      .filter(([, on]) => on)
      .map(([m]) => m.toUpperCase());
    entries.push({ path, methods, kind: kindOf(layer), layer });
  }
  table = { stack, length: stack.length, entries };
  return entries;
}

function layerMatches(layer: RouterLayer, pathname: string): boolean {
  if (layer.regexp && !layer.regexp.fast_slash && !layer.regexp.fast_star) {
    layer.regexp.lastIndex = 0;
    return layer.regexp.test(pathname);
  }
  return typeof layer.match === "function" ? layer.match(pathname) : false;
}

function handles(entry: AdminRouteEntry, method: string): boolean {
  const m = method.toUpperCase();
  return entry.methods.includes(m) || entry.methods.includes("_ALL") || (m === "HEAD" && entry.methods.includes("GET"));
}

/** The path Express routes on: the original URL up to the query (or a stray fragment). */
export function routedPath(req: MedusaRequest): string {
  const url = req.originalUrl ?? req.url ?? "";
  return url.split(/[?#]/, 1)[0] ?? "";
}

export type AdminRouteTarget = { kind: "voltura"; route: string } | { kind: "core"; route: string | null };

/**
 * Which endpoint the router will hand this /admin request to: the first matching endpoint layer,
 * as Express dispatches (Medusa registers routes sorted, static before params). A staffRoute
 * endpoint is Voltura's; anything else — a Medusa endpoint, or no endpoint at all — is treated
 * as Medusa core, so an unknown shape fails closed.
 */
export function adminRouteTarget(req: MedusaRequest): AdminRouteTarget {
  const pathname = routedPath(req);
  for (const entry of adminRouteTable(req.app)) {
    if (entry.kind === "middleware" || !handles(entry, req.method) || !layerMatches(entry.layer, pathname)) continue;
    return entry.kind === "voltura" ? { kind: "voltura", route: entry.path } : { kind: "core", route: entry.path };
  }
  return { kind: "core", route: null };
}
