import { describe, expect, it } from "vitest";
import { statusChangeFields } from "../domain/status-fields";

const at = new Date("2026-11-25T10:00:00Z");
const earlier = new Date("2026-11-25T07:00:00Z");
const running = { status: "in_progress" as const, sla_paused_seconds: 0, sla_paused_since: null, completed_at: null, delivered_at: null };

describe("statusChangeFields", () => {
  it("pauses the SLA clock while awaiting parts and adds the pause when work resumes", () => {
    const paused = statusChangeFields(running, "awaiting_parts", earlier);
    expect(paused).toMatchObject({ status: "awaiting_parts", sla_paused_seconds: 0, sla_paused_since: earlier });
    expect(statusChangeFields(paused, "in_progress", at)).toMatchObject({ sla_paused_seconds: 3 * 3600, sla_paused_since: null });
  });

  it("sets completed_at on completion, keeps it on delivery and sets delivered_at", () => {
    const done = statusChangeFields(running, "completed", earlier);
    expect(done).toMatchObject({ completed_at: earlier, delivered_at: null, sla_paused_since: earlier });
    expect(statusChangeFields(done, "delivered", at)).toMatchObject({ completed_at: earlier, delivered_at: at, sla_paused_since: earlier });
  });

  it("clears completed_at when a completed job is reopened, restarting the clock", () => {
    const done = statusChangeFields(running, "completed", earlier);
    expect(statusChangeFields(done, "in_progress", at)).toMatchObject({ completed_at: null, sla_paused_seconds: 3 * 3600, sla_paused_since: null });
  });

  it("reads dates stored as strings", () => {
    const stored = { ...running, status: "completed" as const, sla_paused_since: earlier.toISOString(), completed_at: earlier.toISOString() };
    expect(statusChangeFields(stored, "delivered", at)).toMatchObject({ completed_at: earlier, sla_paused_since: earlier });
  });
});
