import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isPublicRoute } from "./public-route.js";
import { ROLES_MARK } from "./staff-route.js";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
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
