import { m } from "$lib/paraglide/messages.js";
import { getPool, type Queryable } from "./db";
import { accessRule } from "./route-access";

/** Where staff choose their own password; while one is required, the only page they may open. */
export const PASSWORD_PAGE = "/account/password";

/** Routes open while a password change is required (besides public ones): the page itself and signing out. */
const OPEN_WHILE_REQUIRED = new Set(["/(staff)/account/password", "/logout", "/health"]);

export type PasswordGate = { kind: "allow" } | { kind: "redirect"; location: string } | { kind: "refuse" };

/**
 * What a request gets while its staff member must change their password first: reads of pages go
 * to the password page, anything else (form posts, downloads, JSON) is refused. Public routes,
 * the password page and sign-out stay open.
 */
export function passwordChangeGate(routeId: string | null, method: string, required: boolean): PasswordGate {
  if (!required) return { kind: "allow" };
  if (routeId !== null && (OPEN_WHILE_REQUIRED.has(routeId) || accessRule(routeId) === "public")) return { kind: "allow" };
  if (method === "GET" || method === "HEAD") return { kind: "redirect", location: PASSWORD_PAGE };
  return { kind: "refuse" };
}

export const passwordChangeRequiredMessage = (): string => m.auth_password_change_required();

export function createPasswordChangeStore(db: Queryable) {
  return {
    async isRequired(staffId: string): Promise<boolean> {
      const { rows } = await db.query(`SELECT 1 FROM console.password_change_required WHERE staff_id = $1`, [staffId]);
      return rows.length > 0;
    },
    async require(staffId: string): Promise<void> {
      await db.query(`INSERT INTO console.password_change_required (staff_id) VALUES ($1) ON CONFLICT (staff_id) DO NOTHING`, [staffId]);
    },
    async clear(staffId: string): Promise<void> {
      await db.query(`DELETE FROM console.password_change_required WHERE staff_id = $1`, [staffId]);
    },
  };
}

export type PasswordChangeStore = ReturnType<typeof createPasswordChangeStore>;

export const passwordChanges = () => createPasswordChangeStore(getPool());
