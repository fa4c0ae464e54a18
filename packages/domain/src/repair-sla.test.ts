import { describe, expect, it } from "vitest";
import type { RepairStatus } from "./repair-status.js";
import { advanceSlaClock, isSlaBreached, slaClockState, slaRemainingMs, slaView, type SlaClock } from "./repair-sla.js";
import { DEFAULT_SHOP_SETTINGS, slaDueAt } from "./shop-settings.js";

const H = 3_600_000;
const RECEIVED = new Date("2026-11-24T01:00:00.000Z");
const DUE = slaDueAt(RECEIVED, "normal", DEFAULT_SHOP_SETTINGS); // 72 h later
const at = (offsetMs: number) => new Date(DUE.getTime() + offsetMs);

describe("slaClockState", () => {
  it.each<[RepairStatus, string]>([
    ["pending", "running"], ["in_progress", "running"],
    ["awaiting_approval", "paused"], ["awaiting_parts", "paused"],
    ["completed", "stopped"], ["delivered", "stopped"], ["cancelled", "stopped"], ["returned_unrepaired", "stopped"],
  ])("%s → %s", (status, state) => expect(slaClockState(status)).toBe(state));
});

describe("slaView", () => {
  it.each<{ name: string; status: RepairStatus; paused_ms?: number; paused_since?: Date | null; now: Date; remaining: number; breached: boolean; due: Date }>([
    { name: "running, 1 ms before due", status: "pending", now: at(-1), remaining: 1, breached: false, due: DUE },
    { name: "running, exactly due (not yet breached)", status: "in_progress", now: at(0), remaining: 0, breached: false, due: DUE },
    { name: "running, 1 ms past due", status: "in_progress", now: at(1), remaining: -1, breached: true, due: DUE },
    { name: "running after a 2 h pause", status: "in_progress", paused_ms: 2 * H, now: at(H), remaining: H, breached: false, due: at(2 * H) },
    { name: "running, past due even with the pause", status: "in_progress", paused_ms: 2 * H, now: at(2 * H + 1), remaining: -1, breached: true, due: at(2 * H) },
    { name: "paused 1 h before due: frozen, due moves with the pause", status: "awaiting_parts", paused_since: at(-H), now: at(5 * H), remaining: H, breached: false, due: at(6 * H) },
    { name: "paused exactly at due", status: "awaiting_approval", paused_since: at(0), now: at(48 * H), remaining: 0, breached: false, due: at(48 * H) },
    { name: "paused after the breach stays breached", status: "awaiting_approval", paused_since: at(H), now: at(10 * H), remaining: -H, breached: true, due: at(9 * H) },
    { name: "second pause on top of an earlier one", status: "awaiting_parts", paused_ms: 3 * H, paused_since: at(2 * H), now: at(4 * H), remaining: H, breached: false, due: at(5 * H) },
    { name: "completed on time: stopped, remaining frozen", status: "completed", paused_since: at(-30 * 60_000), now: at(1000 * H), remaining: 30 * 60_000, breached: false, due: DUE },
    { name: "delivered late stays breached", status: "delivered", paused_since: at(2 * H), now: at(1000 * H), remaining: -2 * H, breached: true, due: DUE },
    { name: "cancelled while awaiting parts keeps the pause start", status: "cancelled", paused_ms: H, paused_since: at(-H), now: at(50 * H), remaining: 2 * H, breached: false, due: at(H) },
    { name: "paused without a recorded start counts from now", status: "awaiting_parts", paused_since: null, now: at(-H), remaining: H, breached: false, due: DUE },
  ])("$name", ({ status, paused_ms = 0, paused_since = null, now, remaining, breached, due }) => {
    const input = { due_at: DUE, paused_ms, paused_since, status };
    const view = slaView(input, now);
    expect(view.remaining_ms).toBe(remaining);
    expect(view.breached).toBe(breached);
    expect(view.due_at.toISOString()).toBe(due.toISOString());
    expect(slaRemainingMs(input, now)).toBe(remaining);
    expect(isSlaBreached(input, now)).toBe(breached);
  });

  it("accepts ISO strings as stored by the API", () => {
    const view = slaView({ due_at: DUE.toISOString(), paused_ms: 0, paused_since: at(-H).toISOString(), status: "awaiting_parts" }, at(0));
    expect(view).toMatchObject({ remaining_ms: H, breached: false, state: "paused" });
  });
});

describe("advanceSlaClock", () => {
  const t = new Date("2026-11-25T00:00:00.000Z");
  const later = (h: number) => new Date(t.getTime() + h * H);
  const running: SlaClock = { paused_ms: 0, paused_since: null };
  it.each<{ name: string; clock: SlaClock; from: RepairStatus; to: RepairStatus; when: Date; next: SlaClock }>([
    { name: "running → running: unchanged", clock: running, from: "pending", to: "in_progress", when: t, next: running },
    { name: "running → paused: the pause starts", clock: running, from: "pending", to: "awaiting_parts", when: t, next: { paused_ms: 0, paused_since: t } },
    { name: "paused → running: the pause is added", clock: { paused_ms: H, paused_since: t }, from: "awaiting_parts", to: "in_progress", when: later(3), next: { paused_ms: 4 * H, paused_since: null } },
    { name: "paused → paused: the same pause goes on", clock: { paused_ms: 0, paused_since: t }, from: "awaiting_parts", to: "awaiting_approval", when: later(2), next: { paused_ms: 0, paused_since: t } },
    { name: "paused → stopped: the clock stays where it stopped", clock: { paused_ms: 0, paused_since: t }, from: "awaiting_approval", to: "returned_unrepaired", when: later(2), next: { paused_ms: 0, paused_since: t } },
    { name: "running → stopped: the clock stops", clock: { paused_ms: H, paused_since: null }, from: "in_progress", to: "completed", when: t, next: { paused_ms: H, paused_since: t } },
    { name: "stopped → running (rework): the stop is not counted", clock: { paused_ms: 0, paused_since: t }, from: "completed", to: "in_progress", when: later(24), next: { paused_ms: 24 * H, paused_since: null } },
    { name: "stopped → stopped: delivered keeps the completion time", clock: { paused_ms: 0, paused_since: t }, from: "completed", to: "delivered", when: later(5), next: { paused_ms: 0, paused_since: t } },
    { name: "non-running without a start: starts now", clock: running, from: "awaiting_parts", to: "cancelled", when: t, next: { paused_ms: 0, paused_since: t } },
  ])("$name", ({ clock, from, to, when, next }) => expect(advanceSlaClock(clock, from, to, when)).toEqual(next));

  it("runs a whole job: 10 h waiting for parts moves the due time 10 h, completion freezes it", () => {
    let clock: SlaClock = running;
    const steps: Array<[RepairStatus, RepairStatus, Date]> = [
      ["pending", "awaiting_parts", new Date(RECEIVED.getTime() + 2 * H)],
      ["awaiting_parts", "in_progress", new Date(RECEIVED.getTime() + 12 * H)],
      ["in_progress", "completed", new Date(RECEIVED.getTime() + 80 * H)],
    ];
    for (const [from, to, when] of steps) clock = advanceSlaClock(clock, from, to, when);
    const view = slaView({ due_at: DUE, ...clock, status: "completed" }, new Date(RECEIVED.getTime() + 500 * H));
    // Worked 2 h + 68 h = 70 h of a 72 h promise.
    expect(view).toMatchObject({ remaining_ms: 2 * H, breached: false, state: "stopped" });
    expect(view.due_at.toISOString()).toBe(new Date(DUE.getTime() + 10 * H).toISOString());
  });
});
