import { describe, expect, it } from "vitest";
import { ApplicationFailure } from "@temporalio/activity";
import { ScheduleOverlapPolicy } from "@temporalio/client";
import { CommerceClient } from "@voltura/medusa-client";
import { createIntegrityActivities } from "./integrity.js";
import { integrityScheduleOptions } from "../integrity-schedule.js";

type Answer = { status: number; body: unknown };

function fakeCommerce(answer: Answer) {
  const seen: Array<{ key: string; body: unknown }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ key: `${init?.method ?? "GET"} ${new URL(String(input)).pathname}`, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const commerce = new CommerceClient({ baseUrl: "http://commerce", jwtSecret: "unit-test-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" }, fetch: fetchImpl });
  return { activities: createIntegrityActivities({ commerce }), seen };
}

const run = (ok: boolean) => ({
  id: "irun_1", ran_at: "2026-12-05T18:30:00.000Z", ok, trigger: "nightly", idempotency_key: "integrity-nightly:2026-12-06",
  summary: { checks: [{ name: "on_hand_matches_ledger", title: "t", ok: true, count: 0, examples: [] }, { name: "pos_sales_complete", title: "t", ok, count: ok ? 0 : 1, examples: [] }] },
});
const input = { idempotencyKey: "integrity-nightly:2026-12-06", shopDay: "2026-12-06" };

describe("runIntegrityCheck", () => {
  it("posts the day's key to commerce and names the checks that failed", async () => {
    const { activities, seen } = fakeCommerce({ status: 201, body: { run: run(false), replayed: false, report: null, alerts_sent: 1 } });
    await expect(activities.runIntegrityCheck(input)).resolves.toEqual({ runId: "irun_1", ok: false, replayed: false, failedChecks: ["pos_sales_complete"] });
    expect(seen).toEqual([{ key: "POST /admin/integrity/runs", body: { idempotency_key: "integrity-nightly:2026-12-06" } }]);
  });

  it("passes a replayed clean run through", async () => {
    const { activities } = fakeCommerce({ status: 200, body: { run: run(true), replayed: true, report: null, alerts_sent: 0 } });
    await expect(activities.runIntegrityCheck(input)).resolves.toMatchObject({ ok: true, replayed: true, failedChecks: [] });
  });

  it("does not retry a refusal (4xx) but retries a server error", async () => {
    const refused = fakeCommerce({ status: 403, body: { type: "not_allowed", message: "no" } });
    const failure = await refused.activities.runIntegrityCheck(input).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    const broken = fakeCommerce({ status: 500, body: { type: "unknown_error", message: "boom" } });
    const error = await broken.activities.runIntegrityCheck(input).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApplicationFailure);
  });
});

describe("integrity-nightly schedule", () => {
  it("fires at 02:30 shop time, skips overlaps and catches up for an hour", () => {
    const options = integrityScheduleOptions("voltura-repair", "Asia/Kuala_Lumpur");
    expect(options.scheduleId).toBe("integrity-nightly");
    expect(options.spec).toMatchObject({ calendars: [{ hour: 2, minute: 30 }], timezone: "Asia/Kuala_Lumpur" });
    expect(options.action).toMatchObject({ type: "startWorkflow", workflowType: "integrityNightly", taskQueue: "voltura-repair", args: [{ timeZone: "Asia/Kuala_Lumpur" }] });
    expect(options.policies).toEqual({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: "1 hour" });
  });
});
