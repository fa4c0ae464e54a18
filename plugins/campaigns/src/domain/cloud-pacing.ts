import { pacingPolicyForState, type PacingPolicy } from "@voltura/domain";
import { uniqueUsersForTier } from "@voltura/whatsapp-transport";

/**
 * A Cloud API number is not a phone app: Meta meters it by its messaging limit tier (unique users in a rolling
 * 24 h) and its quality rating, not by how human its rhythm looks. Its senders start with short gaps (1–3 s, no
 * extra pauses, no warm-up) but keep the shop's 9am–6pm window and weekends: customers get campaigns at the same
 * hours whatever the number.
 */
export const CLOUD_PACING_DEFAULTS = {
  gap_min_seconds: 1,
  gap_max_seconds: 3,
  extra_pause_every: 0,
  extra_pause_min_seconds: 0,
  extra_pause_max_seconds: 0,
  warmup_days: 0,
  daily_cap: 1000,
} as const satisfies Partial<PacingPolicy>;

/** A number whose tier the account has not reported yet is held to Meta's starting tier. */
export const UNKNOWN_TIER_USERS = 250;
/** With the tier used up, the gate asks again after this long: the rolling 24 h frees room send by send. */
export const TIER_RECHECK_MS = 15 * 60_000;

export const isCloudKind = (kind: string | null | undefined): boolean => kind === "cloud_api";

/** The default policy of a new sender: chat numbers get the shop's pacing, Cloud API numbers the short gaps. */
export function defaultPolicyFor(kind: string, state: string, pairedAt: string): PacingPolicy {
  if (isCloudKind(kind)) return pacingPolicyForState(state, { ...CLOUD_PACING_DEFAULTS, paired_at: pairedAt });
  return pacingPolicyForState(state, { paired_at: pairedAt });
}

/**
 * Unique users the number may still reach now: the tier's allowance minus the users reached in the rolling 24 h,
 * or null when the tier sets no bound (TIER_UNLIMITED).
 */
export function tierRoom(tier: string | null | undefined, reachedIn24h: number): number | null {
  if (tier === "TIER_UNLIMITED") return null;
  const allowance = uniqueUsersForTier(tier) ?? UNKNOWN_TIER_USERS;
  return Math.max(0, allowance - reachedIn24h);
}

/** The tier's say on a send: go ahead, or wait (reason daily_cap) and ask again in TIER_RECHECK_MS. */
export function tierDecision(tier: string | null | undefined, reachedIn24h: number, now: Date): { kind: "send" } | { kind: "wait"; until: Date; reason: "daily_cap" } {
  const room = tierRoom(tier, reachedIn24h);
  if (room === null || room > 0) return { kind: "send" };
  return { kind: "wait", until: new Date(now.getTime() + TIER_RECHECK_MS), reason: "daily_cap" };
}

/** The day's cap the ETA and the senders list show: the policy's cap, bounded by what the tier still allows today. */
export function cloudCapToday(policyCap: number, sentToday: number, room: number | null): number {
  return room === null ? policyCap : Math.min(policyCap, sentToday + room);
}
