import { createClerkClient, type ClerkClient } from "@clerk/backend";
import type { Handle, RequestEvent } from "@sveltejs/kit";
import { createMappingCache, mapClerkUserToStaff, type ClerkClaims } from "./clerk-mapping";
import { commerceAs, SYSTEM_ACTOR } from "./commerce";
import { getEnv } from "./env";
import { findStaffByEmail } from "./staff-api";

/** Runtime wiring for Clerk sign-in (only used when CLERK_SECRET_KEY + PUBLIC_CLERK_PUBLISHABLE_KEY are set). */

let backend: ClerkClient | undefined;
let handler: Handle | undefined;
const mappings = createMappingCache();

function clerkBackend(): ClerkClient {
  const env = getEnv();
  backend ??= createClerkClient({
    secretKey: env.CLERK_SECRET_KEY,
    publishableKey: env.PUBLIC_CLERK_PUBLISHABLE_KEY,
    jwtKey: env.CLERK_JWT_KEY,
  });
  return backend;
}

/** svelte-clerk's withClerkHandler, loaded only when Clerk is configured. */
export const clerkHandle: Handle = async (input) => {
  const env = getEnv();
  if (!env.clerkEnabled || input.event.route.id === "/health") return input.resolve(input.event);
  if (!handler) {
    const { withClerkHandler } = await import("svelte-clerk/server");
    handler = withClerkHandler({
      secretKey: env.CLERK_SECRET_KEY,
      publishableKey: env.PUBLIC_CLERK_PUBLISHABLE_KEY,
      jwtKey: env.CLERK_JWT_KEY,
    });
  }
  return handler(input);
};

/** Sets locals.staff from the Clerk session, or locals.denied = "not-staff". */
export async function identifyClerkUser(event: RequestEvent): Promise<void> {
  const auth = event.locals.auth?.();
  if (!auth?.userId) return;
  const claims: ClerkClaims = { ...auth.sessionClaims, sub: auth.userId };
  const result = await mappings.get(auth.sessionId ?? auth.userId, () =>
    mapClerkUserToStaff(claims, {
      findStaffByEmail: (email) => findStaffByEmail(commerceAs(SYSTEM_ACTOR), email),
      fetchUserEmails: async (userId) => {
        const user = await clerkBackend().users.getUser(userId);
        return {
          primary_email_address_id: user.primaryEmailAddressId,
          email_addresses: user.emailAddresses.map((e) => ({
            id: e.id,
            email_address: e.emailAddress,
            verification: e.verification ? { status: e.verification.status } : null,
          })),
        };
      },
    }),
  );
  if (result.ok) event.locals.staff = result.staff;
  else event.locals.denied = "not-staff";
}

/** Ends the Clerk session server side (sign-out button). */
export async function revokeClerkSession(event: RequestEvent): Promise<void> {
  const sessionId = event.locals.auth?.().sessionId;
  if (sessionId) await clerkBackend().sessions.revokeSession(sessionId).catch((err: unknown) => console.error("[console] Clerk sign-out:", err));
  mappings.clear();
}
