import { describe, expect, it } from "vitest";
import type { CampaignSchedule, CampaignStatus } from "@voltura/contracts";
import { allowedActions, decideTransition, isEditable, type LifecycleAction } from "../domain/lifecycle";

const now: CampaignSchedule = { kind: "now" };
const at: CampaignSchedule = { kind: "at", at: "2027-01-01T01:00:00Z" };
const weekly: CampaignSchedule = { kind: "recurring", every: "week", at: "10:00", weekday: 1 };

describe("decideTransition", () => {
  const cases: [CampaignStatus, LifecycleAction, CampaignSchedule, CampaignStatus | null, boolean?][] = [
    ["draft", "schedule", at, "scheduled"],
    ["draft", "schedule", now, null],
    ["draft", "launch", now, "running", true],
    ["scheduled", "launch", at, "running", true],
    ["running", "launch", now, null],
    ["running", "pause", now, "paused"],
    ["paused", "pause", now, null],
    ["paused", "resume", now, "running"],
    ["running", "resume", now, null],
    ["draft", "cancel", now, "cancelled"],
    ["paused", "cancel", now, "cancelled"],
    ["completed", "cancel", now, null],
    ["cancelled", "launch", now, null],
    ["running", "complete", now, "completed"],
    ["running", "complete", weekly, "scheduled"],
    ["draft", "complete", now, null],
  ];
  it.each(cases)("%s --%s (%o)--> %s", (from, action, schedule, to, startsRun) => {
    const verdict = decideTransition(from, action, { schedule, needs_confirmation: false });
    if (to === null) {
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.code).toBe("campaign_transition_refused");
        expect(verdict.message).toContain(`it is ${from}`);
      }
    } else {
      expect(verdict).toEqual({ ok: true, to, starts_run: startsRun ?? false });
    }
  });

  it("holds a missed schedule until confirmed: fire launches, skip returns an 'at' campaign to draft and keeps a recurring one", () => {
    const missed = { schedule: at, needs_confirmation: true };
    const refused = decideTransition("scheduled", "launch", missed);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toMatch(/missed/);
      expect(refused.allowed).toEqual(["cancel", "confirm"]);
    }
    expect(decideTransition("scheduled", "confirm", { ...missed, fire: true })).toEqual({ ok: true, to: "running", starts_run: true });
    expect(decideTransition("scheduled", "confirm", { ...missed, fire: false })).toEqual({ ok: true, to: "draft", starts_run: false });
    expect(decideTransition("scheduled", "confirm", { schedule: weekly, needs_confirmation: true, fire: false })).toEqual({ ok: true, to: "scheduled", starts_run: false });
    expect(decideTransition("scheduled", "confirm", { schedule: at, needs_confirmation: false, fire: true }).ok).toBe(false);
  });

  it("lists the allowed actions and what stays editable", () => {
    expect(allowedActions("draft", { schedule: at, needs_confirmation: false })).toEqual(["schedule", "launch", "cancel"]);
    expect(allowedActions("draft", { schedule: now, needs_confirmation: false })).toEqual(["launch", "cancel"]);
    expect(allowedActions("running", { schedule: now, needs_confirmation: false })).toEqual(["pause", "cancel"]);
    expect(allowedActions("completed", { schedule: now, needs_confirmation: false })).toEqual([]);
    expect(decideTransition("completed", "pause", { schedule: now, needs_confirmation: false })).toMatchObject({ ok: false, message: expect.stringContaining("nothing (final)") });
    expect(["draft", "scheduled", "paused"].every((s) => isEditable(s as CampaignStatus))).toBe(true);
    expect(["running", "completed", "cancelled"].some((s) => isEditable(s as CampaignStatus))).toBe(false);
  });
});
