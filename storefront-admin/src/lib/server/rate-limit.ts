import type { Queryable } from "./db";

/** At most 5 failed sign-ins per email + IP in any 15 minutes. */
export const SIGNIN_LIMIT = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

export type LimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Given the times of earlier failed attempts, may another attempt be made now?
 * Refused once `maxFailures` fall inside the window, until the oldest of them leaves it.
 */
export function evaluateSigninLimit(
  failures: readonly Date[],
  now: Date,
  limit: { maxFailures: number; windowMs: number } = SIGNIN_LIMIT,
): LimitVerdict {
  const since = now.getTime() - limit.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > since && t <= now.getTime()).sort((a, b) => b - a);
  if (recent.length < limit.maxFailures) return { allowed: true, remaining: limit.maxFailures - recent.length };
  // The attempt that must age out before one more is allowed: the maxFailures-th most recent.
  const blocking = recent[limit.maxFailures - 1]!;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blocking + limit.windowMs - now.getTime()) / 1000)) };
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The key the limit is counted on: the email as typed (trimmed, lower case) and the client IP. */
export function attemptKey(email: string, ip: string): { email: string; ip: string } {
  return { email: email.trim().toLowerCase(), ip };
}

export function createSigninAttemptStore(db: Queryable, now: () => Date = () => new Date()) {
  return {
    async recentFailures(email: string, ip: string): Promise<Date[]> {
      const key = attemptKey(email, ip);
      const since = new Date(now().getTime() - SIGNIN_LIMIT.windowMs);
      const { rows } = await db.query<{ attempted_at: Date }>(
        `SELECT attempted_at FROM console.signin_attempt WHERE email = $1 AND ip = $2 AND attempted_at > $3`,
        [key.email, key.ip, since],
      );
      return rows.map((r) => r.attempted_at);
    },

    async recordFailure(email: string, ip: string): Promise<void> {
      const key = attemptKey(email, ip);
      await db.query(`INSERT INTO console.signin_attempt (email, ip, attempted_at) VALUES ($1, $2, $3)`, [key.email, key.ip, now()]);
      // Old rows are never read again; trim them now and then.
      if (Math.random() < 0.05) {
        await db.query(`DELETE FROM console.signin_attempt WHERE attempted_at < $1`, [new Date(now().getTime() - 86_400_000)]);
      }
    },

    /** A successful sign-in wipes the slate for that email + IP. */
    async clearFailures(email: string, ip: string): Promise<void> {
      const key = attemptKey(email, ip);
      await db.query(`DELETE FROM console.signin_attempt WHERE email = $1 AND ip = $2`, [key.email, key.ip]);
    },
  };
}

export type SigninAttemptStore = ReturnType<typeof createSigninAttemptStore>;
