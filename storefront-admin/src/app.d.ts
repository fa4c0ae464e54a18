import type { CommerceClient } from "@voltura/medusa-client";
import type { SessionStaff } from "$lib/server/session-store";

/** What the console reads from svelte-clerk's `locals.auth()` (a Clerk SessionAuthObject). */
interface ClerkAuth {
  userId: string | null;
  sessionId: string | null;
  sessionClaims: Record<string, unknown> | null;
}

declare global {
  namespace App {
    interface Error {
      message: string;
      /** The signed-in staff member's role, named on the 403 page. */
      role?: string;
    }
    interface Locals {
      /** The signed-in staff member, or null. Set by hooks.server.ts on every request. */
      staff: SessionStaff | null;
      /** The console session id (SHA-256 of the cookie token); null with Clerk or when signed out. */
      sessionId: string | null;
      /** The commerce API acting as the signed-in staff member; null when signed out. */
      commerce: CommerceClient | null;
      /** Why the route map refused this request, when it did (rendered as a 403 page). */
      denied: "signed-out" | "role" | "not-staff" | null;
      /** Set by svelte-clerk's withClerkHandler when Clerk is configured (the parts we read). */
      auth?: () => ClerkAuth;
    }
  }
}

export {};
