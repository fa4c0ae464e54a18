import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The console's routes read from the file system, the way SvelteKit sees them: every page
 * (`+page.svelte` / `+page.server.ts`), every method an endpoint (`+server.ts`) exports and
 * every named form action (`export const actions = { … }`, `default` included).
 */
export type ConsoleRoute =
  | { kind: "page"; routeId: string; method: "GET" }
  | { kind: "endpoint"; routeId: string; method: string }
  | { kind: "action"; routeId: string; method: "POST"; action: string };

const ROUTES_DIR = path.resolve(import.meta.dirname, "../src/routes");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "fallback"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

function routeIdOf(file: string): string {
  const rel = path.relative(ROUTES_DIR, path.dirname(file)).split(path.sep).join("/");
  return rel ? `/${rel}` : "/";
}

/** Methods a `+server.ts` exports: `export const GET`, `export async function POST`, `export { x as PUT }`. */
export function endpointMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Za-z]+)\b/g)) {
    if ((HTTP_METHODS as readonly string[]).includes(m[1]!)) found.add(m[1]!);
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  // A fallback handler answers any other method: probe it with one.
  if (found.delete("fallback")) found.add("PUT");
  return [...found];
}

/** The top-level keys of `export const actions … = { … }` (shorthand, `name:`, methods and quoted keys). */
export function actionNames(source: string): string[] {
  const start = source.search(/export\s+const\s+actions\b/);
  if (start < 0) return [];
  const open = source.indexOf("{", source.indexOf("=", start));
  if (open < 0) return [];
  const names: string[] = [];
  let depth = 0;
  let entryStart = open + 1;
  let quote: string | null = null;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && source[i + 1] === "/") i = source.indexOf("\n", i);
    else if (c === "/" && source[i + 1] === "*") i = source.indexOf("*/", i) + 1;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) {
        pushEntry(source.slice(entryStart, i));
        break;
      }
    } else if (c === "," && depth === 1) {
      pushEntry(source.slice(entryStart, i));
      entryStart = i + 1;
    }
  }
  return names;

  function pushEntry(text: string) {
    const cleaned = text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "").trim();
    const m = cleaned.match(/^(?:async\s+)?["']?([A-Za-z_$][\w$]*)["']?\s*(?:[:(,]|$)/);
    if (m) names.push(m[1]!);
  }
}

export function consoleRoutes(): ConsoleRoute[] {
  const routes: ConsoleRoute[] = [];
  const pages = new Set<string>();
  for (const file of walk(ROUTES_DIR).sort()) {
    const name = path.basename(file);
    const routeId = routeIdOf(file);
    if (name === "+page.svelte" || name === "+page.server.ts" || name === "+page.ts") {
      if (!pages.has(routeId)) routes.push({ kind: "page", routeId, method: "GET" });
      pages.add(routeId);
      if (name === "+page.server.ts") {
        for (const action of actionNames(readFileSync(file, "utf8"))) routes.push({ kind: "action", routeId, method: "POST", action });
      }
    } else if (name === "+server.ts" || name === "+server.js") {
      for (const method of endpointMethods(readFileSync(file, "utf8"))) routes.push({ kind: "endpoint", routeId, method });
    }
  }
  return routes;
}

/** The dynamic parameters of a route id, in order (`[id]`, `[[lang]]`, `[...rest]`). */
export function routeParams(routeId: string): string[] {
  return [...routeId.matchAll(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g)].map((m) => m[1]!);
}

/** The URL path of a route id with its parameters filled in; groups like `(staff)` vanish. */
export function routePath(routeId: string, values: Record<string, string>): string {
  const segments = routeId
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g, (_, name: string) => encodeURIComponent(values[name] ?? "")))
    .filter(Boolean);
  return `/${segments.join("/")}`;
}

/** A regular expression matching hrefs of a dynamic route, capturing each parameter. */
export function routeHrefPattern(routeId: string): RegExp {
  const body = routeId
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) =>
      s
        .split(/(\[{1,2}[^\]]+\]{1,2})/)
        .map((part) => (part.startsWith("[") ? "([^/?#\"'<>\\s]+)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join(""),
    )
    .join("/");
  return new RegExp(`^/${body}(?:[?#].*)?$`);
}
