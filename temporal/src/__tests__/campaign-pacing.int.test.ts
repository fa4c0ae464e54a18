import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkflowBundle } from "@temporalio/worker";
import type { CommerceClient } from "@voltura/medusa-client";
import {
  addShopDays, CAMPAIGN_PACER, CAMPAIGN_RUN, pacingPolicySchema, shopClock, shopDate, weekdayOfShopDate, type CampaignRunInput, type PacerSignal,
} from "@voltura/domain";
import { WorkflowNotFoundError } from "@temporalio/client";
import { pacerStopSignal, pacerWakeSignal, PACER_MAX_HISTORY_EVENTS, PACER_SENDS_PER_RUN, type campaignPacer, type campaignRun } from "@voltura/workflows";
import { createCampaignActivities } from "../activities/campaigns.js";
import { CampaignGateFake, shopDay, type Transmit } from "./campaign-gate-fake.js";
import { historyChain, runHistories, type RunHistory } from "./campaign-histories.js";
import { createTimeSkippingTestEnv } from "./time-skipping-env.js";
import { bundleWorkflows, runWorker } from "./test-worker.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1,500 inside `npm test` (about 90 s); `npm run test:campaign-weeks` runs the full 5,000 (about 10 min on 2 cores). */
const RECIPIENTS = Number(process.env.CAMPAIGN_IT_RECIPIENTS ?? 1_500);
const OPTED_OUT = 6;
const SESSIONS = ["wa_sess_a", "wa_sess_b"];
const TYPING_MAX_MS = 8_000;
/** Real milliseconds a send already on its way may still take after a stop is pressed. */
const IN_FLIGHT_MS = 1_000;

let env: TestWorkflowEnvironment;
let world: CampaignGateFake;
let taskQueue: string;
let stop: () => Promise<void>;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  env = await createTimeSkippingTestEnv();
  world = new CampaignGateFake();
  taskQueue = `campaign-it-${randomUUID()}`;
  workflowBundle = await bundleWorkflows();
  const { wakeCampaignPacers } = createCampaignActivities({ commerce: {} as CommerceClient });
  ({ stop } = await runWorker({
    connection: env.nativeConnection, taskQueue, workflowBundle,
    activities: { ...world.campaignActivities(), ...world.whatsAppActivities(), wakeCampaignPacers },
  }));
}, 120_000);

afterAll(async () => {
  await stop?.();
  await env?.teardown();
});

/** The first weekday at least two shop days ahead: a public holiday inside the campaign. */
function holidayAfter(atMs: number): string {
  let day = addShopDays(shopDate(new Date(atMs)), 2);
  while ([6, 0].includes(weekdayOfShopDate(day))) day = addShopDays(day, 1);
  return day;
}

const between = (list: Transmit[], fromMs: number, toMs: number) => list.filter((t) => t.atMs > fromMs && t.atMs < toMs);
/** As commerce does: `wake` starts a pacer that ended (idle), `stop` reaches only running ones. */
async function signalPacers(signal: "wake" | "stop", reason: string): Promise<void> {
  for (const sessionId of SESSIONS) {
    const workflowId = CAMPAIGN_PACER.workflowId(sessionId);
    if (signal === "wake") {
      await env.client.workflow.signalWithStart<typeof campaignPacer, [PacerSignal]>(CAMPAIGN_PACER.workflowType, {
        taskQueue, workflowId, args: [{ sessionId }], signal: pacerWakeSignal, signalArgs: [{ reason }],
      });
    } else {
      await env.client.workflow.getHandle(workflowId).signal(pacerStopSignal, { reason }).catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
    }
  }
}

/**
 * The next Monday, 09:00 in Kuala Lumpur (UTC+8), after `ms`: every run plays the same week, whatever hour CI
 * starts at (a start on a Monday evening put the resume-to-stop stretch on a Friday night and a weekend).
 */
function nextMondayNineInKualaLumpur(ms: number): number {
  const local = new Date(ms + 8 * HOUR);
  const daysAhead = (8 - local.getUTCDay()) % 7 || 7;
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysAhead, 9) - 8 * HOUR;
}

describe("campaign pacing on the time-skipping server", () => {
  it(`sends ${RECIPIENTS.toLocaleString("en")} recipients over 2 numbers for weeks: window, weekends, holiday, cap, gaps, pause, stop, timelock, exactly once`, async () => {
    const wallStart = Date.now();
    const now = await env.currentTimeMs();
    await env.sleep(nextMondayNineInKualaLumpur(now) - now);
    const startMs = await env.currentTimeMs();
    const holiday = holidayAfter(startMs);
    const policy = pacingPolicySchema.parse({ holidays: [holiday] });
    for (const sessionId of SESSIONS) world.addSender(sessionId, policy);
    const phones = Array.from({ length: RECIPIENTS + OPTED_OUT }, (_, i) => `+6011${String(10_000_000 + i)}`);
    for (const phone of phones.slice(-OPTED_OUT)) world.optedOutPhones.add(phone);
    world.addCampaign("camp_weeks", SESSIONS, phones);

    const input: CampaignRunInput = { campaignId: "camp_weeks", runNo: 1, sessionIds: SESSIONS };
    const run = await env.client.workflow.start<typeof campaignRun>(CAMPAIGN_RUN.workflowType, {
      taskQueue, workflowId: CAMPAIGN_RUN.workflowId("camp_weeks", 1), args: [input],
    });

    // Pause, then resume a day later (the gate holds the queue; a stop signal drops a send in typing).
    await env.sleep(3 * DAY);
    world.campaignStatus.set("camp_weeks", "paused");
    await signalPacers("stop", "paused");
    const pausedAt = await env.currentTimeMs();
    const sentBeforePause = world.transmits.length;
    await env.sleep(DAY);
    const resumedAt = await env.currentTimeMs();
    world.campaignStatus.set("camp_weeks", "running");
    await signalPacers("wake", "resumed");

    // The emergency stop for half a day.
    await env.sleep(2 * DAY);
    world.emergencyStoppedAt = await env.currentTimeMs();
    await signalPacers("stop", "emergency stop");
    const stoppedAt = world.emergencyStoppedAt;
    await env.sleep(12 * HOUR);
    const releasedAt = await env.currentTimeMs();
    world.emergencyStoppedAt = null;
    await signalPacers("wake", "emergency stop released");

    // WhatsApp's reach-out timelock on one number for four days: that number waits, the other goes on.
    await env.sleep(DAY);
    const lockedAt = await env.currentTimeMs();
    const lockedUntil = lockedAt + 4 * DAY;
    world.sender(SESSIONS[0]!).state.timelock_until = new Date(lockedUntil);

    const result = await run.result();
    const finishedAt = await env.currentTimeMs();
    const wallMs = Date.now() - wallStart;
    console.log(`[campaign-pacing] run finished after ${(wallMs / 1000).toFixed(1)} s, ${((finishedAt - startMs) / DAY).toFixed(1)} simulated days, ${world.transmits.length} sends`);

    expect(result).toMatchObject({ status: "completed", remaining: 0 });
    // Exactly once: every recipient one transmit, opted-out ones none (failed with the reason), no key sent twice.
    const recipients = [...world.recipients.values()];
    expect(recipients.filter((r) => r.status === "sent")).toHaveLength(RECIPIENTS);
    expect(recipients.filter((r) => r.status === "failed").map((r) => r.reason)).toEqual(Array(OPTED_OUT).fill("opted_out"));
    expect(world.transmits).toHaveLength(RECIPIENTS);
    expect(new Set(world.transmits.map((t) => t.key)).size).toBe(RECIPIENTS);
    expect(world.sendCalls).toBe(RECIPIENTS + OPTED_OUT);
    expect(world.transmits.some((t) => world.optedOutPhones.has(t.key.split(":")[2]!))).toBe(false);

    // The window, weekends and the holiday, in shop time.
    for (const t of world.transmits) {
      const clock = shopClock(new Date(t.atMs));
      expect(clock.minutes, `send at ${new Date(t.atMs).toISOString()}`).toBeGreaterThanOrEqual(9 * 60);
      expect(clock.minutes, `send at ${new Date(t.atMs).toISOString()}`).toBeLessThan(18 * 60);
      expect([6, 0]).not.toContain(clock.weekday);
      expect(clock.date).not.toBe(holiday);
    }
    // The daily cap per number, reached on full days.
    const perDay = new Map<string, number>();
    for (const t of world.transmits) perDay.set(`${t.sessionId} ${shopDay(t.atMs)}`, (perDay.get(`${t.sessionId} ${shopDay(t.atMs)}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(policy.daily_cap);

    // Gaps: never under the minimum; within a day at most gap + extra pause + typing, except across a hold.
    const holds = [[pausedAt, resumedAt], [stoppedAt, releasedAt], [lockedAt, lockedUntil]] as const;
    let extraPauses = 0;
    for (const sessionId of SESSIONS) {
      const sends = world.transmits.filter((t) => t.sessionId === sessionId);
      for (let i = 1; i < sends.length; i++) {
        const [a, b] = [sends[i - 1]!, sends[i]!];
        const gapMs = b.atMs - a.atMs;
        expect(gapMs).toBeGreaterThanOrEqual(policy.gap_min_seconds * 1000);
        if (shopDay(a.atMs) !== shopDay(b.atMs) || holds.some(([from, to]) => a.atMs < to && b.atMs > from)) continue;
        expect(gapMs).toBeLessThanOrEqual((policy.gap_max_seconds + policy.extra_pause_max_seconds) * 1000 + TYPING_MAX_MS + IN_FLIGHT_MS);
        if (gapMs > policy.gap_max_seconds * 1000 + TYPING_MAX_MS + IN_FLIGHT_MS) extraPauses++;
      }
    }
    expect(extraPauses).toBeGreaterThan(RECIPIENTS / policy.extra_pause_every / 2);

    // Pause and emergency stop: nothing left while held, and sending went on afterwards.
    expect(sentBeforePause).toBeGreaterThan(0);
    expect(between(world.transmits, pausedAt + IN_FLIGHT_MS, resumedAt)).toHaveLength(0);
    expect(between(world.transmits, stoppedAt + IN_FLIGHT_MS, releasedAt)).toHaveLength(0);
    expect(between(world.transmits, resumedAt, stoppedAt).length).toBeGreaterThan(0);
    // The timelocked number waited; the other one kept sending.
    const duringLock = between(world.transmits, lockedAt + IN_FLIGHT_MS, lockedUntil);
    expect(duringLock.filter((t) => t.sessionId === SESSIONS[0])).toHaveLength(0);
    expect(duringLock.filter((t) => t.sessionId === SESSIONS[1]).length).toBeGreaterThan(0);

    // Flat history: pacers continue as new; every run's history stays bounded; all of it replays.
    const histories: RunHistory[] = await historyChain(env.client, run.workflowId);
    for (const [workflowId, runIds] of world.runs) histories.push(...(await runHistories(env.client, workflowId, [...runIds])));
    const pacerRuns = histories.filter((h) => h.workflowId.startsWith("pacer-"));
    expect(pacerRuns.length).toBeGreaterThanOrEqual(RECIPIENTS / PACER_SENDS_PER_RUN);
    expect(Math.max(...histories.map((h) => h.events))).toBeLessThanOrEqual(PACER_MAX_HISTORY_EVENTS + 200);
    const replayStart = Date.now();
    for await (const replay of Worker.runReplayHistories({ workflowBundle }, histories.map((h) => ({ workflowId: h.workflowId, history: h.history })))) {
      expect(replay.error, `${replay.workflowId} replays`).toBeUndefined();
    }
    console.log(
      `[campaign-pacing] ${RECIPIENTS} sends over ${((finishedAt - startMs) / DAY).toFixed(1)} simulated days in ${(wallMs / 1000).toFixed(1)} s ` +
        `(${(wallMs / RECIPIENTS).toFixed(1)} ms/send); ${histories.length} runs replayed in ${((Date.now() - replayStart) / 1000).toFixed(1)} s; ` +
        `events per pacer run max ${Math.max(...pacerRuns.map((h) => h.events))}, run polls ${result.polls}`,
    );
  }, Math.max(600_000, RECIPIENTS * 240));
});
