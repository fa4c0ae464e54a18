import { countsAgainstSender, sendFailureCodeOf, type AccountLimits, type LimitsEvent, type SendFailureCode } from "@voltura/whatsapp-transport";

/** WhatsApp's limits on a session's number, as last read or announced (stored on the session row). */
export interface SessionLimits {
  /** ISO; null when no reach-out timelock is active. */
  reachout_timelock_until: string | null;
  /** New chats WhatsApp allows in its current cycle; null when it sets none or did not say. */
  new_chat_cap: number | null;
  new_chat_used: number | null;
  /** When the limits were last asked for (ISO); an announcement does not move it. */
  checked_at: string | null;
  /** Cloud API: Meta's messaging limit tier (TIER_250 … TIER_UNLIMITED: unique customers per rolling 24 h); null elsewhere. */
  messaging_limit_tier?: string | null;
  /** Cloud API: the number's quality rating; null elsewhere. */
  quality_rating?: QualityRating | null;
}

export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** What a Cloud API number adds to accountLimits() and to limits announcements. */
interface CloudSignals {
  messagingLimitTier?: string | null;
  qualityRating?: string | null;
}

/** Meta's rating as one of ours (anything unknown reads UNKNOWN); null when not given. */
export function qualityRatingOf(value: string | null | undefined): QualityRating | null {
  if (value === null || value === undefined) return null;
  const upper = value.toUpperCase();
  return (QUALITY_RATINGS as readonly string[]).includes(upper) ? (upper as QualityRating) : "UNKNOWN";
}

/** One send WhatsApp refused with a code that counts against the number (463, 401, 403). */
export interface SendFailureMark {
  status_code: number;
  at: string;
}

export const EMPTY_LIMITS: SessionLimits = { reachout_timelock_until: null, new_chat_cap: null, new_chat_used: null, checked_at: null };

/** Refusals are kept on the session for this long (the health window), at most MAX_FAILURE_MARKS of them. */
export const FAILURE_WINDOW_MS = 24 * 3_600_000;
export const MAX_FAILURE_MARKS = 200;

/** The answer of accountLimits() as the session's limits (tier and quality only when the transport has them: Cloud API). */
export function limitsFromQuery(limits: AccountLimits & CloudSignals, now: Date): SessionLimits {
  return {
    reachout_timelock_until: limits.reachoutTimelockUntil,
    new_chat_cap: limits.newChatMessageCap,
    new_chat_used: limits.newChatMessagesUsed ?? null,
    checked_at: now.toISOString(),
    ...(limits.messagingLimitTier !== undefined ? { messaging_limit_tier: limits.messagingLimitTier } : {}),
    ...(limits.qualityRating !== undefined ? { quality_rating: qualityRatingOf(limits.qualityRating) } : {}),
  };
}

/** An announcement changes only what it carries. */
export function limitsFromEvent(event: LimitsEvent & CloudSignals): Partial<SessionLimits> {
  return {
    ...(event.reachoutTimelockUntil !== undefined ? { reachout_timelock_until: event.reachoutTimelockUntil } : {}),
    ...(event.newChatMessageCap !== undefined ? { new_chat_cap: event.newChatMessageCap } : {}),
    ...(event.newChatMessagesUsed !== undefined ? { new_chat_used: event.newChatMessagesUsed } : {}),
    ...(event.messagingLimitTier !== undefined ? { messaging_limit_tier: event.messagingLimitTier } : {}),
    ...(event.qualityRating !== undefined ? { quality_rating: qualityRatingOf(event.qualityRating) } : {}),
  };
}

export function mergeLimits(before: SessionLimits | null | undefined, change: Partial<SessionLimits>): SessionLimits {
  return { ...EMPTY_LIMITS, ...(before ?? {}), ...change };
}

export interface FailureCounts {
  failed_463: number;
  failed_401: number;
  failed_403: number;
}

/** Refusals in the last 24 h by code. */
export function failureCounts(marks: SendFailureMark[] | null | undefined, now: Date): FailureCounts {
  const since = now.getTime() - FAILURE_WINDOW_MS;
  const counts: FailureCounts = { failed_463: 0, failed_401: 0, failed_403: 0 };
  for (const mark of marks ?? []) {
    if (Date.parse(mark.at) <= since) continue;
    if (mark.status_code === 463) counts.failed_463 += 1;
    else if (mark.status_code === 401) counts.failed_401 += 1;
    else if (mark.status_code === 403) counts.failed_403 += 1;
  }
  return counts;
}

export type ApiLimits = Required<SessionLimits> & FailureCounts & { unique_users_24h: number | null };

/**
 * The limits as the API shows them: a timelock already over reads as none; `uniqueUsers24h` is the
 * distinct customers the number wrote to in the last 24 h (what Meta's tier counts), null when not counted.
 */
export function apiLimits(
  limits: SessionLimits | null | undefined,
  marks: SendFailureMark[] | null | undefined,
  now: Date,
  uniqueUsers24h: number | null = null,
): ApiLimits {
  const merged = mergeLimits(limits, {});
  const until = merged.reachout_timelock_until;
  const active = until && Date.parse(until) > now.getTime() ? until : null;
  return {
    ...merged,
    messaging_limit_tier: merged.messaging_limit_tier ?? null,
    quality_rating: merged.quality_rating ?? null,
    reachout_timelock_until: active,
    ...failureCounts(marks, now),
    unique_users_24h: uniqueUsers24h,
  };
}

const REFUSAL_TEXT = /^WhatsApp refused the message \((\d{3})\b/;

/** The stored error of a refused message; refusalStatusOfError reads the code back. */
export function refusalError(statusCode: number, detail?: string): string {
  const base = `WhatsApp refused the message (${statusCode} ${sendFailureCodeOf(statusCode)})`;
  return (detail ? `${base}: ${detail}` : base).slice(0, 500);
}

/** The status code of a message refused with 463 / 401 / 403, from its stored error; null otherwise. */
export function refusalStatusOfError(error: string | null | undefined): number | null {
  const match = error ? REFUSAL_TEXT.exec(error) : null;
  const code = match ? Number(match[1]) : undefined;
  return countsAgainstSender(code) ? code! : null;
}

export interface RefusalAnswer {
  type: "send_refused";
  code: SendFailureCode;
  status_code: number;
  message: string;
}

/** The HTTP answer (422) for a message WhatsApp refused: typed, so a campaign can count it against the number. */
export function refusalAnswer(error: string | null | undefined): RefusalAnswer | null {
  const statusCode = refusalStatusOfError(error);
  if (statusCode === null) return null;
  return { type: "send_refused", code: sendFailureCodeOf(statusCode), status_code: statusCode, message: error! };
}

/** Extra fields of `whatsapp.message.status` for a refused message: the code a campaign counts. */
export function refusalEventFields(error: string | null | undefined): { status_code: number; code: SendFailureCode } | Record<string, never> {
  const statusCode = refusalStatusOfError(error);
  return statusCode === null ? {} : { status_code: statusCode, code: sendFailureCodeOf(statusCode) };
}
