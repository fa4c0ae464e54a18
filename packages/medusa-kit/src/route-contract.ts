import { readdirSync, statSync } from "node:fs";
import path from "node:path";
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
 * staffRoute(). A plugin's contract test asserts this list is empty: no route without roles.
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
      if (handler && !Array.isArray(handler[ROLES_MARK])) problems.push(`${path.relative(apiDir, file)} ${method}`);
    }
  }
  return problems;
}
