import type { StaffRole } from "@voltura/domain";
import type { Queryable } from "./db";
import { checkExpiry, sessionExpiry, sessionIdFromToken } from "./session";

/** Who a session belongs to: a snapshot of the commerce staff record taken at sign-in. */
export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export interface Session {
  id: string;
  staff: SessionStaff;
  expiresAt: Date;
  /** True when this validation pushed expires_at forward (the cookie must be re-sent). */
  renewed: boolean;
}

interface SessionRow {
  id: string;
  staff_id: string;
  email: string;
  name: string;
  role: StaffRole;
  expires_at: Date;
}

export function createSessionStore(db: Queryable, now: () => Date = () => new Date()) {
  return {
    async create(token: string, staff: SessionStaff): Promise<Session> {
      const id = sessionIdFromToken(token);
      const expiresAt = sessionExpiry(now());
      await db.query(
        `INSERT INTO console.session (id, staff_id, email, name, role, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, staff.id, staff.email, staff.name, staff.role, expiresAt],
      );
      return { id, staff, expiresAt, renewed: false };
    },

    /** The live session for a cookie token, renewed when needed; null (and deleted) when expired. */
    async validate(token: string): Promise<Session | null> {
      const id = sessionIdFromToken(token);
      const { rows } = await db.query<SessionRow>(
        `SELECT id, staff_id, email, name, role, expires_at FROM console.session WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const at = now();
      const verdict = checkExpiry(row.expires_at, at);
      if (verdict === "expired") {
        await db.query(`DELETE FROM console.session WHERE id = $1`, [id]);
        return null;
      }
      let expiresAt = row.expires_at;
      if (verdict === "renew") {
        expiresAt = sessionExpiry(at);
        await db.query(`UPDATE console.session SET expires_at = $2 WHERE id = $1`, [id, expiresAt]);
      }
      const staff = { id: row.staff_id, email: row.email, name: row.name, role: row.role };
      return { id, staff, expiresAt, renewed: verdict === "renew" };
    },

    async invalidate(sessionId: string): Promise<void> {
      await db.query(`DELETE FROM console.session WHERE id = $1`, [sessionId]);
    },

    /** Signs a staff member out everywhere (deactivated, or a password reset). */
    async invalidateAllFor(staffId: string): Promise<number> {
      const r = await db.query(`DELETE FROM console.session WHERE staff_id = $1`, [staffId]);
      return r.rowCount ?? 0;
    },

    /** Keeps open sessions in step when an owner or manager edits a staff member. */
    async updateStaff(staffId: string, patch: { name?: string; role?: StaffRole }): Promise<void> {
      await db.query(
        `UPDATE console.session SET name = COALESCE($2, name), role = COALESCE($3, role) WHERE staff_id = $1`,
        [staffId, patch.name ?? null, patch.role ?? null],
      );
    },

    async deleteExpired(): Promise<number> {
      const r = await db.query(`DELETE FROM console.session WHERE expires_at <= $1`, [now()]);
      return r.rowCount ?? 0;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
