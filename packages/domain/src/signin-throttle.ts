/**
 * Limits on password checks (console sign-in, Medusa's own sign-in, manager approvals at the POS).
 *
 * Per account (normalised email): the first few failures cost nothing; from BACKOFF_AFTER on, each
 * failure makes the account wait before the next try, doubling each time; at LOCK_AFTER the
 * account locks for LOCK_MINUTES and every further failure locks it again. A success (or an
 * owner's unlock) clears the count; a count whose last failure is older than FORGET_AFTER_HOURS
 * starts again from zero.
 *
 * Per IP address, across accounts: at most IP_MAX_FAILURES in any IP_WINDOW_MINUTES.
 */
export const SIGNIN_THROTTLE = {
  BACKOFF_AFTER: 5,
  BACKOFF_BASE_SECONDS: 30,
  LOCK_AFTER: 10,
  LOCK_MINUTES: 15,
  FORGET_AFTER_HOURS: 24,
  IP_MAX_FAILURES: 30,
  IP_WINDOW_MINUTES: 15,
} as const;

/** The limits as numbers (tests and callers may pass others). */
export type SigninThrottleRules = { readonly [K in keyof typeof SIGNIN_THROTTLE]: number };

export type AccountPenalty = { kind: "none" } | { kind: "delay"; seconds: number } | { kind: "lock"; seconds: number };

/** What `failures` consecutive failures cost the account, counted from the last of them. */
export function accountPenalty(failures: number, rules: SigninThrottleRules = SIGNIN_THROTTLE): AccountPenalty {
  if (failures >= rules.LOCK_AFTER) return { kind: "lock", seconds: rules.LOCK_MINUTES * 60 };
  if (failures >= rules.BACKOFF_AFTER) {
    const seconds = rules.BACKOFF_BASE_SECONDS * 2 ** (failures - rules.BACKOFF_AFTER);
    return { kind: "delay", seconds: Math.min(seconds, rules.LOCK_MINUTES * 60) };
  }
  return { kind: "none" };
}

/** The stored state of one account's failures (see the staff_signin_guard table). */
export interface AccountGuardState {
  failures: number;
  last_failed_at: Date | null;
}

/** Failures that still count now: an old streak is forgotten. */
export function currentFailures(state: AccountGuardState | null, now: Date, rules: SigninThrottleRules = SIGNIN_THROTTLE): number {
  if (!state?.last_failed_at || state.failures <= 0) return 0;
  const age = now.getTime() - state.last_failed_at.getTime();
  return age > rules.FORGET_AFTER_HOURS * 3_600_000 ? 0 : state.failures;
}

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: "account_delay" | "account_locked" | "ip_limit"; retry_after_seconds: number };

/** May the account be tried now? Counted from its last failure and the penalty that failure earned. */
export function accountVerdict(state: AccountGuardState | null, now: Date, rules: SigninThrottleRules = SIGNIN_THROTTLE): ThrottleVerdict {
  const failures = currentFailures(state, now, rules);
  const penalty = accountPenalty(failures, rules);
  if (penalty.kind === "none" || !state?.last_failed_at) return { allowed: true };
  const waitUntil = state.last_failed_at.getTime() + penalty.seconds * 1000;
  const remainingMs = waitUntil - now.getTime();
  if (remainingMs <= 0) return { allowed: true };
  return { allowed: false, reason: penalty.kind === "lock" ? "account_locked" : "account_delay", retry_after_seconds: Math.ceil(remainingMs / 1000) };
}

/** The per-IP window: failures since `window_started_at` (a window older than the limit restarts). */
export interface IpGuardState {
  failures: number;
  window_started_at: Date;
}

export function ipVerdict(state: IpGuardState | null, now: Date, rules: SigninThrottleRules = SIGNIN_THROTTLE): ThrottleVerdict {
  if (!state) return { allowed: true };
  const windowEnds = state.window_started_at.getTime() + rules.IP_WINDOW_MINUTES * 60_000;
  if (windowEnds <= now.getTime() || state.failures < rules.IP_MAX_FAILURES) return { allowed: true };
  return { allowed: false, reason: "ip_limit", retry_after_seconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** Did this failure (the `failures`-th in a row) lock the account, and is it the first lock of the streak? */
export function lockEvent(failures: number, rules: SigninThrottleRules = SIGNIN_THROTTLE): { locked: boolean; first: boolean } {
  return { locked: failures >= rules.LOCK_AFTER, first: failures === rules.LOCK_AFTER };
}

/** "Too many attempts. Try again in 3 minutes." */
export function retryAfterText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
