import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { STAFF_ROLES, type StaffRole } from "@voltura/domain";
import { accessRule } from "../src/lib/server/route-access";
import { demo, signInAs } from "./helpers";
import { discoverRealParams } from "./real-params";
import { consoleRoutes, routeParams, routePath } from "./route-inventory";

/**
 * axe (WCAG 2.1 A and AA) on every console page as every role that may open it, and on the public
 * pages signed out: no serious or critical violation anywhere. Pages are generated from the route
 * files and ROUTE_ACCESS, with real ids for the dynamic ones (found in the owner's pages); a page
 * that answers something other than HTML (a PDF, a download) has nothing for axe to check.
 *
 * `npm test` runs the short matrix: every page once (as the first role that may open it) and every
 * role's own shell (header, navigation) on its first page. `npm run test:a11y` (A11Y_FULL=1) runs
 * every page as every role.
 */
const FULL_MATRIX = process.env.A11Y_FULL === "1";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
const EMAIL: Record<StaffRole, string> = { owner: demo.owner, manager: demo.manager, cashier: demo.cashier, technician: demo.technician };
/** Pages that end the session or only redirect: nothing to look at. */
const SKIPPED = new Set(["/logout", "/setup", "/login"]);

const pages = consoleRoutes().filter((r) => r.kind === "page" && !SKIPPED.has(r.routeId));
let realParams = new Map<string, Record<string, string>>();
/** Route ids already checked by an earlier role (short matrix). */
const checkedRoutes = new Set<string>();

function urlOf(routeId: string): string | null {
  if (routeParams(routeId).length === 0) return routePath(routeId, {});
  const values = realParams.get(routeId);
  return values ? routePath(routeId, values) : null;
}

function mayOpen(routeId: string, role: StaffRole | "signed-out"): boolean {
  const rule = accessRule(routeId);
  if (rule === "public") return role === "signed-out";
  return role !== "signed-out" && Array.isArray(rule) && rule.includes(role);
}

/** Page bodies already checked (by any role): the same markup is not analysed twice. */
const checkedBodies = new Set<string>();

async function blockingViolations(page: Page, url: string, force: boolean): Promise<string[] | null> {
  const res = await page.goto(url, { waitUntil: "load" });
  if (!res || !(res.headers()["content-type"] ?? "").includes("html")) return null;
  // A role's shell (header, navigation) is checked with its first page; after that, a page whose main
  // content is exactly one already checked (the same markup shown to another role) adds nothing for axe.
  const body = await page.locator("main").first().innerHTML().catch(() => null);
  if (!force && body !== null && checkedBodies.has(body)) return [];
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (body !== null) checkedBodies.add(body);
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id} on ${url}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const owner = await playwrightRequest.newContext({ baseURL });
  const signIn = await owner.post("/login", { form: { email: demo.owner, password: "VolturaDemo#2026", redirectTo: "/" }, headers: { origin, accept: "text/html" }, maxRedirects: 0 });
  expect(signIn.status(), "the owner signs in").toBe(303);
  realParams = await discoverRealParams(owner, origin, consoleRoutes());
  await owner.dispose();
});

for (const role of [...STAFF_ROLES, "signed-out"] as const) {
  test(`axe: no serious or critical violation on any page ${role === "signed-out" ? "signed out" : `as ${role}`}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    if (role !== "signed-out") await signInAs(page, EMAIL[role]);
    const found: string[] = [];
    const unreachable: string[] = [];
    let checked = 0;
    for (const route of pages.filter((r) => mayOpen(r.routeId, role))) {
      if (!FULL_MATRIX && checked > 0 && checkedRoutes.has(route.routeId)) continue;
      const url = urlOf(route.routeId);
      if (!url) {
        unreachable.push(route.routeId);
        continue;
      }
      const violations = await blockingViolations(page, url, checked === 0);
      if (violations === null) continue;
      checked++;
      checkedRoutes.add(route.routeId);
      found.push(...violations);
    }
    console.log(`[accessibility] ${role}: ${checked} pages checked${unreachable.length ? `; no real id for ${unreachable.join(", ")}` : ""}`);
    await context.close();
    expect(checked, "pages were checked").toBeGreaterThan(role === "signed-out" || !FULL_MATRIX ? 0 : 10);
    expect(found, found.join("\n")).toEqual([]);
  });
}
