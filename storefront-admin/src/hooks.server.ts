import { json, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from "@sveltejs/kit";
import { sequence } from "@sveltejs/kit/hooks";
import { identifyFromCookie, sessions } from "$lib/server/auth";
import { clerkHandle, identifyClerkUser } from "$lib/server/clerk";
import { commerceForStaff } from "$lib/server/commerce";
import { getPool } from "$lib/server/db";
import { ConsoleEnvError, getEnv } from "$lib/server/env";
import { forbiddenMessage, notStaffMessage } from "$lib/server/guard";
import { runMigrations } from "$lib/server/migrate";
import { passwordChangeRequiredMessage, passwordChangeGate, passwordChanges, PASSWORD_PAGE } from "$lib/server/password-change";
import { decideAccess } from "$lib/server/route-access";
import { applySecurityHeaders, cspAdditions, type CspAdditions } from "$lib/server/security-headers";
import { gzipResponse, shouldCompress } from "$lib/server/compression";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import { htmlLang } from "$lib/i18n/locale";
import { m } from "$lib/paraglide/messages.js";
import { getLocale } from "$lib/paraglide/runtime.js";
import { paraglideMiddleware } from "$lib/paraglide/server.js";

/**
 * Request pipeline: locale → theme → Clerk (when configured) → who is signing in → route map.
 * The route → roles map itself is ROUTE_ACCESS in $lib/server/route-access.ts (deny by default);
 * every load, action and endpoint checks again with requireRole().
 */

/** At start: fail fast on bad configuration, then apply the console's SQL migrations. */
export const init: ServerInit = async () => {
  let env;
  try {
    env = getEnv();
  } catch (err) {
    if (!(err instanceof ConsoleEnvError)) throw err;
    console.error(`[console] ${err.message}`);
    process.exit(1);
  }
  let applied: string[];
  try {
    applied = await runMigrations(getPool());
  } catch (err) {
    // In compose the console's database role has no DDL rights: the owner migrates (`migrate`).
    console.error(`[console] ${(err as Error).message}\nApply the migrations as the database owner (docker compose run --rm migrate), then start again.`);
    process.exit(1);
  }
  if (applied.length) console.log(`[console] applied migrations: ${applied.join(", ")}`);
  if (env.CONSOLE_MIGRATE_ONLY) {
    console.log("[console] migrations up to date (CONSOLE_MIGRATE_ONLY): exiting");
    process.exit(0);
  }
  // Expired sessions are deleted when presented; the rest are swept now and every 6 hours.
  const sweep = () => sessions().deleteExpired().catch((err: Error) => console.error("[console] session sweep:", err.message));
  await sweep();
  setInterval(sweep, 6 * 60 * 60 * 1000).unref();
  console.log(`[console] ready — commerce at ${env.MEDUSA_URL}, sign-in with ${env.clerkEnabled ? "Clerk" : "email + password"}`);
};

/** Outermost: gzips the finished page or data answer (see $lib/server/compression). */
const compressionHandle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  return shouldCompress(event.request.method, event.request.headers, response) ? gzipResponse(response) : response;
};

let runtimeCsp: CspAdditions | undefined;

/** Security headers on every answer; the page CSP gets the photo and Clerk origins known at run time. */
const securityHeadersHandle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  if (!runtimeCsp) {
    const env = getEnv();
    runtimeCsp = cspAdditions({
      photoOrigins: [new URL(env.MEDUSA_URL).origin, ...env.CSP_IMAGE_ORIGINS],
      clerkPublishableKey: env.clerkEnabled ? env.PUBLIC_CLERK_PUBLISHABLE_KEY : null,
    });
  }
  try {
    applySecurityHeaders(response.headers, runtimeCsp);
    return response;
  } catch {
    // Immutable headers (a fetch() answer passed through): copy the response first.
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, runtimeCsp);
    return copy;
  }
};

/**
 * The staff member's language (cookie `vsh_locale`, set at sign-in from their saved choice): every
 * load, action and error message below runs in it (Paraglide keeps it per request).
 */
const localeHandle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, { transformPageChunk: ({ html }) => html.replace("%vsh.lang%", htmlLang(locale)) });
  });

const themeHandle: Handle = ({ event, resolve }) => {
  const theme = parseTheme(event.cookies.get(THEME_COOKIE));
  const contrast = parseContrast(event.cookies.get(CONTRAST_COOKIE));
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace("%vsh.theme%", theme).replace("%vsh.contrast%", contrast),
  });
};

const identityHandle: Handle = async ({ event, resolve }) => {
  event.locals.staff = null;
  event.locals.sessionId = null;
  event.locals.commerce = null;
  event.locals.denied = null;
  if (event.route.id === "/health") return resolve(event);
  if (getEnv().clerkEnabled) await identifyClerkUser(event);
  else await identifyFromCookie(event);
  if (event.locals.staff) event.locals.commerce = commerceForStaff(event.locals.staff, clientAddress(event));
  return resolve(event);
};

function clientAddress(event: RequestEvent): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    return undefined; // no socket address (e.g. a prerender or an in-process call)
  }
}

const isRead = (event: RequestEvent) => event.request.method === "GET" || event.request.method === "HEAD";
const isEnhancedAction = (event: RequestEvent) => event.request.headers.get("x-sveltekit-action") === "true";
const inStaffArea = (routeId: string | null) => routeId !== null && routeId.startsWith("/(staff)");

function loginUrl(event: RequestEvent): string {
  const back = isRead(event) ? event.url.pathname + event.url.search : "/";
  return back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
}

const accessHandle: Handle = async ({ event, resolve }) => {
  const routeId = event.route.id;
  const decision = decideAccess(routeId, event.locals.staff?.role ?? null);
  if (decision.kind === "allow") return resolve(event);

  const denied = event.locals.denied === "not-staff" ? "not-staff" : decision.kind === "sign-in" ? "signed-out" : "role";
  // Staff pages: (staff)/+layout.server.ts turns locals.denied into a redirect or a proper 403 page.
  if (isRead(event) && inStaffArea(routeId)) {
    event.locals.denied = denied;
    return resolve(event);
  }
  if (denied === "signed-out") {
    if (isEnhancedAction(event)) return json({ type: "redirect", status: 303, location: loginUrl(event) });
    if (isRead(event) || event.request.headers.get("content-type")?.includes("form")) {
      return new Response(null, { status: 303, headers: { location: loginUrl(event) } });
    }
    return json({ message: m.auth_sign_in_first() }, { status: 401 });
  }
  const message = denied === "not-staff" ? notStaffMessage() : forbiddenMessage();
  if (isEnhancedAction(event)) return json({ type: "error", error: { message } }, { status: 403 });
  return new Response(forbiddenPage(message), { status: 403, headers: { "content-type": "text/html; charset=utf-8" } });
};

function forbiddenPage(message: string): string {
  return `<!doctype html><html lang="${htmlLang(getLocale())}"><head><meta charset="utf-8"><title>403 · Voltura Service Hub</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>${message}</h1><p><a href="/">${m.common_back_to_dashboard()}</a></p></body></html>`;
}

/**
 * Staff whose password an owner reset (or who got a one-time password at setup) may open only
 * the password page and sign out until they choose their own (console.password_change_required).
 */
const passwordChangeHandle: Handle = async ({ event, resolve }) => {
  const staff = event.locals.staff;
  if (!staff || getEnv().clerkEnabled) return resolve(event);
  const gate = passwordChangeGate(event.route.id, event.request.method, await passwordChanges().isRequired(staff.id));
  if (gate.kind === "allow") return resolve(event);
  // Thrown, so SvelteKit answers page loads, data requests and form actions each in their own way.
  if (gate.kind === "redirect" || isEnhancedAction(event) || event.request.headers.get("content-type")?.includes("form")) {
    redirect(303, PASSWORD_PAGE);
  }
  return json({ message: passwordChangeRequiredMessage() }, { status: 403 });
};

export const handle = sequence(compressionHandle, securityHeadersHandle, localeHandle, themeHandle, clerkHandle, identityHandle, passwordChangeHandle, accessHandle);

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status === 404) return { message: m.common_error_404() };
  if (status === 413) return { message: m.common_error_413() };
  if (status >= 400 && status < 500) return { message: m.common_error_4xx() };
  console.error(`[console] ${event.request.method} ${event.url.pathname} failed:`, error);
  return { message: m.common_error_5xx() };
};
