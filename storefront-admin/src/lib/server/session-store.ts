import type { StaffRole } from "@voltura/domain";
import type { Queryable } from "./db";
import { checkSession, DEFAULT_SESSION_POLICY, sessionExpiry, sessionIdFromToken, type SessionPolicy } from "./session";

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
  /** The absolute end: never moved forward (the cookie expires then too). */
  expiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date;
}

interface SessionRow {
  id: string;
  staff_id: string;
  email: string;
  name: string;
  role: StaffRole;
  expires_at: Date;
  created_at: Date;
  last_used_at: Date;
}

export function createSessionStore(db: Queryable, now: () => Date = () => new Date(), policy: SessionPolicy = DEFAULT_SESSION_POLICY) {
  return {
    async create(token: string, staff: SessionStaff): Promise<Session> {
      const id = sessionIdFromToken(token);
      const createdAt = now();
      const expiresAt = sessionExpiry(createdAt, policy);
      await db.query(
        `INSERT INTO console.session (id, staff_id, email, name, role, expires_at, created_at, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [id, staff.id, staff.email, staff.name, staff.role, expiresAt, createdAt],
      );
      return { id, staff, expiresAt, createdAt, lastUsedAt: createdAt };
    },

    /**
     * The live session for a cookie token; null (and deleted) when past its absolute end or idle
     * too long. Use is recorded in last_used_at at most once a minute.
     */
    async validate(token: string): Promise<Session | null> {
      const id = sessionIdFromToken(token);
      const { rows } = await db.query<SessionRow>(
        `SELECT id, staff_id, email, name, role, expires_at, created_at, last_used_at FROM console.session WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const at = now();
      const times = { createdAt: row.created_at, expiresAt: row.expires_at, lastUsedAt: row.last_used_at };
      const verdict = checkSession(times, at, policy);
      if (verdict === "expired" || verdict === "idle") {
        await db.query(`DELETE FROM console.session WHERE id = $1`, [id]);
        return null;
      }
      let lastUsedAt = row.last_used_at;
      if (verdict === "touch") {
        // Only forward: two requests racing may both write, the later time wins.
        await db.query(`UPDATE console.session SET last_used_at = GREATEST(last_used_at, $2) WHERE id = $1`, [id, at]);
        lastUsedAt = at;
      }
      const staff = { id: row.staff_id, email: row.email, name: row.name, role: row.role };
      return { id, staff, expiresAt: row.expires_at, createdAt: row.created_at, lastUsedAt };
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

    /** Sweeps sessions past their absolute end or idle too long. */
    async deleteExpired(): Promise<number> {
      const at = now();
      const r = await db.query(
        `DELETE FROM console.session WHERE expires_at <= $1 OR created_at <= $2 OR last_used_at <= $3`,
        [at, new Date(at.getTime() - policy.maxAgeMs), new Date(at.getTime() - policy.idleTimeoutMs)],
      );
      return r.rowCount ?? 0;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
