import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { STAFF_ROLES, type StaffRole } from "@voltura/domain";
import { accessRule } from "../src/lib/server/route-access";
import { demo, DEMO_PASSWORD } from "./helpers";
import { discoverRealParams, inBatches } from "./real-params";
import { consoleRoutes, routeParams, routePath, type ConsoleRoute } from "./route-inventory";

/**
 * Every console route × every role (and no session), generated from the route files and
 * ROUTE_ACCESS: a role the map does not list never gets a 2xx (pages and endpoints: 403 or a
 * redirect to sign in; form actions: 403 / 401 / a redirect to sign in), and a listed role is
 * never refused. Refused roles post form actions an empty form with the console's origin (CSRF);
 * listed roles post a JSON body, which SvelteKit answers 415 once past the gate, so no action runs
 * and no demo data changes. The sign-in and setup actions (public) are left out: they have no gate.
 */

type Identity = StaffRole | "signed-out";
const IDENTITIES: readonly Identity[] = [...STAFF_ROLES, "signed-out"];
const EMAIL: Record<StaffRole, string> = { owner: demo.owner, manager: demo.manager, cashier: demo.cashier, technician: demo.technician };
/** Ends the caller's session when allowed: checked last, and the session must be gone afterwards. */
const SESSION_ENDING = new Set(["/logout"]);
const DUMMY: Record<string, string> = { kind: "slip", phone: "+60100000000", token: "0".repeat(64) };
const dummy = (param: string) => DUMMY[param] ?? `matrix-missing-${param}`;

interface Outcome {
  route: ConsoleRoute;
  url: string;
  identity: Identity;
  allowed: boolean;
  status: number;
  location: string | null;
}

const routes = consoleRoutes();
const outcomes: Outcome[] = [];
const contexts = new Map<Identity, APIRequestContext>();
/** Real parameter values found in the owner's pages, per route id. */
const realParams = new Map<string, Record<string, string>>();
let origin = "";

const describe = (r: ConsoleRoute) => `${r.method} ${r.routeId}${r.kind === "action" ? ` ?/${r.action}` : ""}`;
const isPublic = (routeId: string) => accessRule(routeId) === "public";
function allowedFor(routeId: string, identity: Identity): boolean {
  const rule = accessRule(routeId);
  if (rule === "public") return true;
  if (rule === undefined || identity === "signed-out") return false;
  return (rule as readonly string[]).includes(identity);
}

function locationPath(res: APIResponse): string | null {
  const location = res.headers()["location"];
  return location ? new URL(location, origin).pathname : null;
}

async function signedInContext(baseURL: string, role: StaffRole): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post("/login", {
    form: { email: EMAIL[role], password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin, accept: "text/html" },
    maxRedirects: 0,
  });
  expect(res.status(), `${role} signs in`).toBe(303);
  const cookies = (await ctx.storageState()).cookies.map((c) => c.name);
  expect(cookies, `${role} has a session cookie`).toContain("vsh_session");
  return ctx;
}

/** The route's URL with real parameter values where the owner's pages showed some, dummy ones otherwise. */
function urlFor(route: ConsoleRoute): string {
  const names = routeParams(route.routeId);
  const real = realParams.get(route.routeId);
  const values = Object.fromEntries(names.map((n) => [n, real ? real[n]! : dummy(n)]));
  const path = routePath(route.routeId, values);
  // The default action is posted to the page itself (SvelteKit refuses `?/default`).
  return route.kind === "action" && route.action !== "default" ? `${path}?/${route.action}` : path;
}

async function check(ctx: APIRequestContext, route: ConsoleRoute, identity: Identity): Promise<Outcome> {
  const allowed = allowedFor(route.routeId, identity);
  const url = urlFor(route);
  let res: APIResponse;
  if (route.method === "GET") res = await ctx.get(url, { headers: { accept: "text/html,application/json" }, maxRedirects: 0 });
  else if (allowed && route.kind === "action") {
    // Past the gate, SvelteKit refuses a JSON body to a form action (415) before the action runs:
    // this proves a listed role gets through without changing demo data (an empty form could, e.g. open a stock take).
    res = await ctx.fetch(url, { method: "POST", data: {}, headers: { origin, accept: "application/json" }, maxRedirects: 0 });
  } else res = await ctx.fetch(url, { method: route.method, form: {}, headers: { origin, accept: "text/html" }, maxRedirects: 0 });
  const outcome = { route, url, identity, allowed, status: res.status(), location: locationPath(res) };
  outcomes.push(outcome);
  return outcome;
}

const toLogin = (o: Outcome) => o.status >= 300 && o.status < 400 && o.location === "/login";
/** A refusal as the policy wants it: 403, 401, or a redirect to sign in. */
const refused = (o: Outcome) => o.status === 403 || o.status === 401 || toLogin(o);

/** Reads (pages, GET endpoints) that break for a role they are meant for; empty posts to endpoints are only reported. */
const brokenRead = (o: Outcome) => o.allowed && o.status >= 500 && o.route.method === "GET";

/**
 * Public to the staff policy but guarded by a credential of its own (Meta's webhook: the signature on a POST,
 * the verify token on a GET): without it, every identity alike must be refused.
 */
const OWN_CREDENTIAL = new Set(["/webhooks/whatsapp/cloud"]);

function verdict(o: Outcome): string | null {
  if (OWN_CREDENTIAL.has(o.route.routeId)) return o.status === 401 || o.status === 403 ? null : `answered ${o.status} without its own credential`;
  if (!o.allowed) return refused(o) ? null : `must be refused, got ${o.status}${o.location ? ` → ${o.location}` : ""}`;
  if (brokenRead(o)) return `allowed but answered ${o.status}`;
  // A public page may send people on (e.g. first-run setup to sign-in once it is done); it only must not refuse.
  if (isPublic(o.route.routeId)) return o.status === 401 || o.status === 403 ? `public but refused with ${o.status}` : null;
  if (SESSION_ENDING.has(o.route.routeId)) return o.status === 401 || o.status === 403 ? `allowed but refused with ${o.status}` : null;
  if (o.status === 401 || toLogin(o)) return `allowed but sent to sign in (${o.status})`;
  if (o.status === 403) return "allowed but refused with 403";
  if (o.route.kind === "action" && o.status !== 415) return `allowed, expected SvelteKit's 415 for a JSON body past the gate, got ${o.status}`;
  return null;
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  origin = new URL(baseURL!).origin;
  contexts.set("signed-out", await playwrightRequest.newContext({ baseURL }));
  for (const role of STAFF_ROLES) contexts.set(role, await signedInContext(baseURL!, role));
  for (const [id, values] of await discoverRealParams(contexts.get("owner")!, origin, routes)) realParams.set(id, values);
});

test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.dispose();
});

test("the route inventory is complete and every route is in ROUTE_ACCESS", () => {
  expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThan(30);
  expect(routes.filter((r) => r.kind === "action").length).toBeGreaterThan(30);
  expect(routes.filter((r) => r.kind === "endpoint").length).toBeGreaterThan(5);
  for (const r of routes) expect(accessRule(r.routeId), `${r.routeId} is in ROUTE_ACCESS`).toBeDefined();
  // Real ids were found for the main dynamic pages (otherwise the matrix would mostly test 404s).
  for (const id of ["/(staff)/jobs/[id]", "/(staff)/customers/[id]", "/track/[token]"]) expect(realParams.has(id), `a real value for ${id}`).toBe(true);
});

async function checkIdentity(identity: Identity): Promise<Outcome[]> {
  const ctx = contexts.get(identity)!;
  // Public form actions (sign-in) have no role gate to prove and would feed the sign-in rate limiter.
  const subjects = routes.filter((r) => !(r.kind === "action" && isPublic(r.routeId)));
  const last = subjects.filter((r) => SESSION_ENDING.has(r.routeId));
  const mine: Outcome[] = [];
  await inBatches(subjects.filter((r) => !SESSION_ENDING.has(r.routeId)), 4, async (r) => void mine.push(await check(ctx, r, identity)));

  if (identity !== "signed-out") {
    const stillIn = await ctx.get("/", { headers: { accept: "text/html" }, maxRedirects: 0 });
    expect.soft(locationPath(stillIn), `${identity}: the session survived every check`).not.toBe("/login");
  }
  for (const r of last) mine.push(await check(ctx, r, identity));
  if (identity !== "signed-out" && last.some((r) => allowedFor(r.routeId, identity))) {
    const after = await ctx.get("/", { headers: { accept: "text/html" }, maxRedirects: 0 });
    expect.soft(locationPath(after), `${identity}: signing out ended the session`).toBe("/login");
  }
  return mine;
}

test("every route × every role and no session follows ROUTE_ACCESS", async () => {
  test.setTimeout(180_000);
  for (const identity of IDENTITIES) {
    await test.step(identity, async () => {
      const mine = await checkIdentity(identity);
      const failures = mine.map((o) => [o, verdict(o)] as const).filter(([, v]) => v).map(([o, v]) => `${identity} ${describe(o.route)} ${o.url}: ${v}`);
      expect.soft(failures, failures.join("\n")).toEqual([]);
    });
  }

  const unauthorised2xx = outcomes.filter((o) => !o.allowed && o.status >= 200 && o.status < 300);
  const failedPosts = outcomes.filter((o) => o.allowed && o.status >= 500 && !brokenRead(o)).map((o) => `${o.identity} ${describe(o.route)}: ${o.status}`);
  const dummies = [...new Set(routes.map((r) => r.routeId).filter((id) => routeParams(id).length && !realParams.has(id)))];
  console.log(
    `[access-matrix] ${new Set(outcomes.map((o) => describe(o.route))).size} routes (pages, endpoint methods, form actions) × ${IDENTITIES.length} identities = ` +
      `${outcomes.length} checks: ${unauthorised2xx.length} unauthorised 2xx, ${outcomes.filter((o) => verdict(o)).length} policy failures`,
  );
  if (failedPosts.length) console.log(`[access-matrix] empty posts answered 5xx to a listed role: ${failedPosts.join(", ")}`);
  const emptyPostsDone = [...new Set(outcomes.filter((o) => o.allowed && o.route.kind === "endpoint" && o.route.method !== "GET" && o.status < 400).map((o) => `${describe(o.route)} ${o.status}`))];
  if (emptyPostsDone.length) console.log(`[access-matrix] endpoints a listed role's empty post went through: ${emptyPostsDone.join(", ")}`);
  if (dummies.length) console.log(`[access-matrix] no real ids found for: ${dummies.join(", ")} (dummy values used)`);
  expect(unauthorised2xx.map((o) => `${o.identity} ${describe(o.route)} ${o.url}`)).toEqual([]);
});
