import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { AnyRole } from "@voltura/domain";
import { isPublicRoute } from "./public-route.js";
import { ROLES_MARK } from "./staff-route.js";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files as Medusa finds them: `route.ts` (sources) or `route.js` (builds), skipping `_private` folders. */
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("_") ? [] : routeFiles(full);
    return name === "route.ts" || name === "route.js" ? [full] : [];
  });
}

/**
 * Lists every exported HTTP handler under a plugin's src/api that was not declared through
 * staffRoute() or deliberately marked public with publicRoute(). A plugin's contract test asserts
 * this list is empty: no route without roles, unless it says out loud that it is public (and
 * lives outside /admin and /store).
 * `load` imports a file in the caller's module system (so the test runner can compile TS).
 */
export async function unguardedRoutes(
  apiDir: string,
  load: (file: string) => Promise<Record<string, unknown>>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const file of routeFiles(apiDir)) {
    const mod = await load(file);
    for (const method of HTTP_METHODS) {
      const handler = mod[method] as ({ [ROLES_MARK]?: unknown } & object) | undefined;
      if (!handler || Array.isArray(handler[ROLES_MARK])) continue;
      const route = path.relative(apiDir, file);
      // A public handler under /admin or /store would skip the role check for any signed-in caller.
      const publicAllowed = !/^(admin|store)([\\/]|$)/.test(route);
      if (!isPublicRoute(handler)) problems.push(`${route} ${method}`);
      else if (!publicAllowed) problems.push(`${route} ${method} (publicRoute under /admin or /store)`);
    }
  }
  return problems;
}

export interface RoutePolicy {
  /** The matcher Medusa registers for the file, e.g. "/admin/staff/:id". */
  route: string;
  method: (typeof HTTP_METHODS)[number];
  /** The staffRoute roles, "public" for publicRoute, null when the handler declares neither. */
  roles: readonly AnyRole[] | "public" | null;
}

/** The route a file serves, as Medusa's routes loader derives it (`[id]` → `:id`). */
export function routeOfFile(apiDir: string, file: string): string {
  const segments = path.relative(apiDir, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/")}`;
}

/**
 * Every handler under a plugin's api folder with the roles it declares: what the access matrix
 * test expects of each Voltura route. `load` imports a file in the caller's module system.
 */
export async function routePolicies(
  apiDir: string,
  load: (file: string) => Promise<Record<string, unknown>>,
): Promise<RoutePolicy[]> {
  const policies: RoutePolicy[] = [];
  for (const file of routeFiles(apiDir)) {
    const mod = await load(file);
    for (const method of HTTP_METHODS) {
      const handler = mod[method] as ({ [ROLES_MARK]?: unknown } & object) | undefined;
      if (!handler) continue;
      const marked = handler[ROLES_MARK];
      const roles = Array.isArray(marked) ? (marked as AnyRole[]) : isPublicRoute(handler) ? "public" : null;
      policies.push({ route: routeOfFile(apiDir, file), method, roles });
    }
  }
  return policies;
}
