import { error, type Cookies, type RequestEvent } from "@sveltejs/kit";
import { getPool } from "./db";
import { createSigninAttemptStore } from "./rate-limit";
import { generateSessionToken, looksLikeSessionToken, SESSION_COOKIE, sessionCookieOptions, sessionIdFromToken, sessionPolicy } from "./session";
import { createSessionStore, type SessionStaff } from "./session-store";
import { commerceAs, SYSTEM_ACTOR } from "./commerce";
import { getEnv } from "./env";
import { accessRule } from "./route-access";
import { findStaffByEmail } from "./staff-api";
import { createStaffRecheck } from "./staff-recheck";

/** Email + password sessions: the glue between the cookie, the stores and the request. */

export const sessions = () => createSessionStore(getPool(), undefined, sessionPolicy(getEnv()));
export const signinAttempts = () => createSigninAttemptStore(getPool());

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt));
}

export function deleteSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: "/", httpOnly: true, secure: true, sameSite: "lax" });
}

/** Starts a session for `staff`, first deleting the one the browser already had (rotation). */
export async function startSession(event: RequestEvent, staff: SessionStaff): Promise<void> {
  const store = sessions();
  const previous = event.cookies.get(SESSION_COOKIE);
  if (previous) await store.invalidate(sessionIdFromToken(previous));
  const token = generateSessionToken();
  const session = await store.create(token, staff);
  setSessionCookie(event.cookies, token, session.expiresAt);
}

export async function endSession(event: RequestEvent): Promise<void> {
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) await sessions().invalidate(sessionIdFromToken(token));
  deleteSessionCookie(event.cookies);
}

/** Role and active status of signed-in staff, checked against commerce at most every 30 s per member. */
export const staffRecheck = createStaffRecheck({
  lookup: (email) => findStaffByEmail(commerceAs(SYSTEM_ACTOR), email),
});

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const COMMERCE_UNREACHABLE_MESSAGE =
  "The commerce core is not reachable, so your access cannot be confirmed right now. Try again in a moment.";

/**
 * Sets locals.staff / locals.sessionId from the vsh_session cookie. The session must be neither
 * idle too long nor past its absolute end, and the staff member must still be active in commerce
 * (the role there wins). When commerce cannot confirm it: writes get 503, reads of staff pages
 * too once the last decision is older than the cache's TTL; signing out always works.
 */
export async function identifyFromCookie(event: RequestEvent): Promise<void> {
  const token = event.cookies.get(SESSION_COOKIE);
  if (token === undefined) return;
  if (!looksLikeSessionToken(token)) return deleteSessionCookie(event.cookies);
  const store = sessions();
  const session = await store.validate(token);
  if (!session) return deleteSessionCookie(event.cookies);
  const verdict = await staffRecheck.check(session.staff, { write: !READ_METHODS.has(event.request.method) });
  if (verdict.kind === "revoked") {
    await store.invalidateAllFor(session.staff.id);
    staffRecheck.forget(session.staff.id);
    return deleteSessionCookie(event.cookies);
  }
  if (verdict.kind === "unavailable") {
    const routeId = event.route.id;
    if (routeId === "/logout") {
      event.locals.staff = session.staff;
      event.locals.sessionId = session.id;
      return;
    }
    if (accessRule(routeId) === "public") return;
    error(503, { message: COMMERCE_UNREACHABLE_MESSAGE });
  }
  if (verdict.changed) await store.updateStaff(session.staff.id, { role: verdict.staff.role, name: verdict.staff.name });
  event.locals.staff = verdict.staff;
  event.locals.sessionId = session.id;
}
