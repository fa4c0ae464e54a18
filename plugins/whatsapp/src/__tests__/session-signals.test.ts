import { describe, expect, it } from "vitest";
import { LimitsSchedule } from "../modules/whatsapp/gateway/account-signals";
import { patchForLimits } from "../modules/whatsapp/gateway/session-runtime";
import {
  apiLimits, failureCounts, limitsFromEvent, limitsFromQuery, mergeLimits, refusalAnswer, refusalError, refusalEventFields, refusalStatusOfError,
} from "../domain/session-signals";

const now = new Date("2026-12-07T02:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe("session limits", () => {
  it("stores what the limits query answered, with when it was asked", () => {
    expect(limitsFromQuery({ reachoutTimelockUntil: "2026-12-07T05:00:00.000Z", newChatMessageCap: 40, newChatMessagesUsed: 3 }, now)).toEqual({
      reachout_timelock_until: "2026-12-07T05:00:00.000Z", new_chat_cap: 40, new_chat_used: 3, checked_at: now.toISOString(),
    });
  });

  it("an announcement changes only what it carries", () => {
    const before = { reachout_timelock_until: null, new_chat_cap: 40, new_chat_used: 3, checked_at: hoursAgo(1) };
    const patch = patchForLimits({ reachoutTimelockUntil: "2026-12-07T05:00:00.000Z", timestamp: now.toISOString() });
    expect(patch).toEqual({ limits: { reachout_timelock_until: "2026-12-07T05:00:00.000Z" } });
    expect(mergeLimits(before, patch.limits!)).toEqual({ ...before, reachout_timelock_until: "2026-12-07T05:00:00.000Z" });
    expect(patchForLimits({ newChatMessageCap: null, timestamp: now.toISOString() })).toEqual({ limits: { new_chat_cap: null } });
  });

  it("shows a timelock that is over as none, and counts refusals of the last 24 h by code", () => {
    const marks = [
      { status_code: 463, at: hoursAgo(1) }, { status_code: 463, at: hoursAgo(23.9) }, { status_code: 463, at: hoursAgo(24.1) },
      { status_code: 401, at: hoursAgo(2) }, { status_code: 403, at: hoursAgo(3) }, { status_code: 403, at: hoursAgo(30) },
    ];
    expect(failureCounts(marks, now)).toEqual({ failed_463: 2, failed_401: 1, failed_403: 1 });
    expect(apiLimits({ reachout_timelock_until: hoursAgo(1), new_chat_cap: 10, new_chat_used: null, checked_at: null }, marks, now)).toMatchObject({
      reachout_timelock_until: null, new_chat_cap: 10, failed_463: 2,
    });
    expect(apiLimits(null, null, now)).toEqual({
      reachout_timelock_until: null, new_chat_cap: null, new_chat_used: null, checked_at: null, failed_463: 0, failed_401: 0, failed_403: 0,
      messaging_limit_tier: null, quality_rating: null, unique_users_24h: null,
    });
  });

  it("a Cloud API number adds its messaging limit tier, quality rating and the customers reached in 24 h", () => {
    const read = limitsFromQuery({ reachoutTimelockUntil: null, newChatMessageCap: null, messagingLimitTier: "TIER_1K", qualityRating: "yellow" }, now);
    expect(read).toMatchObject({ messaging_limit_tier: "TIER_1K", quality_rating: "YELLOW", checked_at: now.toISOString() });
    expect(limitsFromQuery({ reachoutTimelockUntil: null, newChatMessageCap: null, qualityRating: "PURPLE" }, now).quality_rating).toBe("UNKNOWN");
    expect(limitsFromEvent({ qualityRating: "RED", timestamp: now.toISOString() })).toEqual({ quality_rating: "RED" });
    expect(limitsFromEvent({ messagingLimitTier: "TIER_10K", timestamp: now.toISOString() })).toEqual({ messaging_limit_tier: "TIER_10K" });
    expect(apiLimits(read, null, now, 37)).toMatchObject({ messaging_limit_tier: "TIER_1K", quality_rating: "YELLOW", unique_users_24h: 37 });
    // A Baileys number's limits carry neither.
    expect(limitsFromQuery({ reachoutTimelockUntil: null, newChatMessageCap: 5 }, now)).not.toHaveProperty("messaging_limit_tier");
  });
});

describe("refused sends", () => {
  it.each([
    [463, "account_restricted"],
    [401, "unauthorized"],
    [403, "forbidden"],
  ] as const)("%s is stored readably and read back as a typed answer (%s)", (statusCode, code) => {
    const error = refusalError(statusCode, "not-authorized");
    expect(error).toBe(`WhatsApp refused the message (${statusCode} ${code}): not-authorized`);
    expect(refusalStatusOfError(error)).toBe(statusCode);
    expect(refusalAnswer(error)).toEqual({ type: "send_refused", code, status_code: statusCode, message: error });
    expect(refusalEventFields(error)).toEqual({ status_code: statusCode, code });
  });

  it.each([null, "", "WhatsApp did not take the message: Connection Closed", refusalError(479)])("%j is not a counted refusal", (error) => {
    expect(refusalAnswer(error)).toBeNull();
    expect(refusalEventFields(error)).toEqual({});
  });
});

describe("LimitsSchedule", () => {
  it("reads at once, then every interval, and again at once after a reconnect", () => {
    const schedule = new LimitsSchedule(300_000);
    expect(schedule.take("s", 0)).toBe(true);
    expect(schedule.take("s", 299_999)).toBe(false);
    expect(schedule.take("other", 1)).toBe(true);
    expect(schedule.take("s", 300_000)).toBe(true);
    schedule.reset("s");
    expect(schedule.take("s", 300_001)).toBe(true);
  });
});
