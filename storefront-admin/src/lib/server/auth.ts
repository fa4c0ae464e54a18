import type { Cookies, RequestEvent } from "@sveltejs/kit";
import { getPool } from "./db";
import { createSigninAttemptStore } from "./rate-limit";
import { generateSessionToken, looksLikeSessionToken, SESSION_COOKIE, sessionCookieOptions, sessionIdFromToken } from "./session";
import { createSessionStore, type SessionStaff } from "./session-store";
import { commerceAs, SYSTEM_ACTOR } from "./commerce";
import { consoleRoleOf, findStaffByEmail } from "./staff-api";

/** Email + password sessions: the glue between the cookie, the stores and the request. */

export const sessions = () => createSessionStore(getPool());
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

/** Sets locals.staff / locals.sessionId from the vsh_session cookie, renewing it when due. */
export async function identifyFromCookie(event: RequestEvent): Promise<void> {
  const token = event.cookies.get(SESSION_COOKIE);
  if (token === undefined) return;
  if (!looksLikeSessionToken(token)) return deleteSessionCookie(event.cookies);
  const store = sessions();
  const session = await store.validate(token);
  if (!session) return deleteSessionCookie(event.cookies);
  if (session.renewed) {
    // Every ~15 days of use: check the staff record is still active before extending the cookie.
    const member = await findStaffByEmail(commerceAs(SYSTEM_ACTOR), session.staff.email).catch(() => undefined);
    if (member !== undefined) {
      const role = consoleRoleOf(member);
      if (!role || member?.id !== session.staff.id) {
        await store.invalidate(session.id);
        return deleteSessionCookie(event.cookies);
      }
      if (role !== session.staff.role) {
        await store.updateStaff(session.staff.id, { role });
        session.staff.role = role;
      }
    }
    setSessionCookie(event.cookies, token, session.expiresAt);
  }
  event.locals.staff = session.staff;
  event.locals.sessionId = session.id;
}
