import type { APIRequestContext } from "@playwright/test";
import { accessRule } from "../src/lib/server/route-access";
import { routeHrefPattern, routeParams, routePath, type ConsoleRoute } from "./route-inventory";

/** Runs `fn` over `items`, `size` at a time. */
export async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Static children of a path, e.g. /jobs → new, board, mine: values a parameter there must not take. */
function staticChildren(routes: readonly ConsoleRoute[], parentPath: string): Set<string> {
  const out = new Set<string>();
  for (const r of routes) {
    const p = routePath(r.routeId, {});
    if (routeParams(r.routeId).length === 0 && p.startsWith(`${parentPath}/`)) out.add(p.slice(parentPath.length + 1).split("/")[0]!);
  }
  return out;
}

/**
 * Real parameter values for the dynamic routes (a job's id, a customer's id, a tracking token…),
 * collected from the hrefs in the owner's pages, following newly found pages for three rounds.
 */
export async function discoverRealParams(owner: APIRequestContext, origin: string, routes: readonly ConsoleRoute[]): Promise<Map<string, Record<string, string>>> {
  const realParams = new Map<string, Record<string, string>>();
  const isPublic = (routeId: string) => accessRule(routeId) === "public";
  const dynamicIds = [...new Set(routes.map((r) => r.routeId).filter((id) => routeParams(id).length > 0))];
  const seen = new Set<string>();
  let frontier = [...new Set(routes.filter((r) => r.kind === "page" && routeParams(r.routeId).length === 0 && !isPublic(r.routeId)).map((r) => routePath(r.routeId, {})))];
  for (let round = 0; round < 3 && frontier.length; round++) {
    const hrefs = new Set<string>();
    await inBatches(frontier, 4, async (url) => {
      seen.add(url);
      const res = await owner.get(url, { headers: { accept: "text/html" }, maxRedirects: 0 });
      if (!(res.headers()["content-type"] ?? "").includes("html")) return;
      for (const m of (await res.text()).matchAll(/(?:href|src|value|action)="([^"]+)"/g)) {
        const link = new URL(m[1]!.replace(/&amp;/g, "&"), `${origin}${url}`);
        if (link.origin === origin) hrefs.add(link.pathname);
      }
    });
    for (const id of dynamicIds) {
      if (realParams.has(id)) continue;
      const pattern = routeHrefPattern(id);
      const names = routeParams(id);
      for (const href of hrefs) {
        const m = pattern.exec(href);
        if (!m) continue;
        const values = Object.fromEntries(names.map((n, i) => [n, safeDecode(m[i + 1]!)]));
        const clash = names.some((n) => {
          const parent = routePath(id.slice(0, id.indexOf(`[${n}]`)).replace(/\/$/, ""), values);
          return staticChildren(routes, parent === "/" ? "" : parent).has(values[n]!);
        });
        if (!clash) {
          realParams.set(id, values);
          break;
        }
      }
    }
    // A nested route takes its parent's values when they cover its parameters (…/[id]/pdf from …/[id]).
    for (const id of dynamicIds) {
      if (realParams.has(id)) continue;
      const parent = [...realParams.entries()].find(([p, values]) => id.startsWith(`${p}/`) && routeParams(id).every((n) => n in values));
      if (parent) realParams.set(id, parent[1]);
    }
    frontier = [...realParams.entries()]
      .filter(([id]) => routes.some((r) => r.routeId === id && r.kind === "page"))
      .map(([id, values]) => routePath(id, values))
      .filter((url) => !seen.has(url));
  }
  return realParams;
}
