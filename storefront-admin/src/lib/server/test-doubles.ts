import type { StaffRole } from "@voltura/domain";
import { CommerceClient, type CommerceClientOptions } from "@voltura/medusa-client";
import type { SessionStaff } from "./session-store";

/**
 * Typed test doubles for the console's unit tests: a real CommerceClient with some methods
 * replaced, and request locals for a signed-in staff member. A double that does not fit the
 * client's types fails to compile instead of hiding behind a cast.
 */
export function testCommerceClient(role: StaffRole = "manager", fetch?: CommerceClientOptions["fetch"]): CommerceClient {
  return new CommerceClient({ baseUrl: "http://commerce.test", jwtSecret: "x".repeat(32), actor: { id: "user_1", role }, fetch });
}

/** A CommerceClient whose listed methods answer as given (the rest would call http://commerce.test). */
export function commerceWith(overrides: Partial<Pick<CommerceClient, keyof CommerceClient>>): CommerceClient {
  return Object.assign(testCommerceClient(), overrides);
}

/** The locals hooks.server.ts sets for a signed-in staff member (console session, no refusal). */
export function staffLocals(staff: SessionStaff, commerce: CommerceClient = testCommerceClient(staff.role)): App.Locals {
  return { staff, commerce, sessionId: "s", denied: null };
}
