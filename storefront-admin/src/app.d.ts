import type { CommerceClient } from "@voltura/medusa-client";
import type { SessionAuthObject } from "@clerk/backend";
import type { SessionStaff } from "$lib/server/session-store";

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
      /** Set by svelte-clerk's withClerkHandler when Clerk is configured. */
      auth?: () => SessionAuthObject;
    }
  }
}

export {};
