import type { Queryable } from "./db";
import { m } from "$lib/paraglide/messages.js";

/**
 * The console's own limit, in front of the commerce core's (which limits each account and each
 * address and answers 429 itself): at most 30 failed sign-ins from one IP address in any
 * 15 minutes, whatever the emails. Defence in depth: it holds even if commerce were reached
 * with another address or its guard were reset.
 */
export const SIGNIN_IP_LIMIT = { maxFailures: 30, windowMs: 15 * 60 * 1000 } as const;

export type LimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Given the times of earlier failed attempts, may another attempt be made now?
 * Refused once `maxFailures` fall inside the window, until the oldest of them leaves it.
 */
export function evaluateSigninLimit(
  failures: readonly Date[],
  now: Date,
  limit: { maxFailures: number; windowMs: number } = SIGNIN_IP_LIMIT,
): LimitVerdict {
  const since = now.getTime() - limit.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > since && t <= now.getTime()).sort((a, b) => b - a);
  if (recent.length < limit.maxFailures) return { allowed: true, remaining: limit.maxFailures - recent.length };
  // The attempt that must age out before one more is allowed: the maxFailures-th most recent.
  const blocking = recent[limit.maxFailures - 1]!;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blocking + limit.windowMs - now.getTime()) / 1000)) };
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes === 1 ? m.auth_too_many_attempts_one() : m.auth_too_many_attempts_other({ minutes });
}

export function createSigninAttemptStore(db: Queryable, now: () => Date = () => new Date()) {
  return {
    /** Failed sign-ins from this address inside the window, for any email. */
    async recentFailures(ip: string): Promise<Date[]> {
      const since = new Date(now().getTime() - SIGNIN_IP_LIMIT.windowMs);
      const { rows } = await db.query<{ attempted_at: Date }>(
        `SELECT attempted_at FROM console.signin_attempt WHERE ip = $1 AND attempted_at > $2 ORDER BY attempted_at DESC LIMIT $3`,
        [ip, since, SIGNIN_IP_LIMIT.maxFailures],
      );
      return rows.map((r) => r.attempted_at);
    },

    /**
     * Records a failure (the email is kept for the record, lower case). A success does not clear
     * the address's failures: one good sign-in must not reset a guessing run from the same place.
     */
    async recordFailure(email: string, ip: string): Promise<void> {
      await db.query(`INSERT INTO console.signin_attempt (email, ip, attempted_at) VALUES ($1, $2, $3)`, [email.trim().toLowerCase(), ip, now()]);
      // Old rows are never read again; trim them now and then.
      if (Math.random() < 0.05) {
        await db.query(`DELETE FROM console.signin_attempt WHERE attempted_at < $1`, [new Date(now().getTime() - 86_400_000)]);
      }
    },
  };
}

export type SigninAttemptStore = ReturnType<typeof createSigninAttemptStore>;
