import { describe, expect, it } from "vitest";
import { senderHealth, type SenderHealthInput } from "./campaign-pacing.js";

const CLEAN: SenderHealthInput = {
  sent: 100, delivered: 95, read: 70, replied: 3, failed_463: 0, failed_auth: 0, blocks: 0, timelock_active: false,
};

describe("senderHealth", () => {
  it.each<{ name: string; patch: Partial<SenderHealthInput>; verdict: string; score?: number; reason?: RegExp }>([
    { name: "a clean day is healthy", patch: {}, verdict: "healthy", score: 100 },
    { name: "replies lift nothing above 100", patch: { replied: 30 }, verdict: "healthy", score: 100 },
    { name: "nothing sent yet is healthy", patch: { sent: 0, delivered: 0, read: 0, replied: 0 }, verdict: "healthy", score: 100 },
    { name: "an active timelock pauses", patch: { timelock_active: true }, verdict: "pause", reason: /time-locked/ },
    { name: "one 401/403 is worth watching", patch: { failed_auth: 1 }, verdict: "watch", score: 65, reason: /401\/403/ },
    { name: "two 401/403 pause", patch: { failed_auth: 2 }, verdict: "pause", reason: /2 sends refused with 401\/403/ },
    { name: "one 463 lowers the score a little", patch: { failed_463: 1 }, verdict: "healthy", score: 90, reason: /463/ },
    { name: "three 463 are worth watching", patch: { failed_463: 3 }, verdict: "watch", score: 70 },
    { name: "five 463 pause", patch: { failed_463: 5 }, verdict: "pause" },
    { name: "one block is worth watching", patch: { blocks: 1 }, verdict: "watch", score: 75, reason: /1 recipient blocked/ },
    { name: "two blocks in 100 sends pause", patch: { blocks: 2 }, verdict: "pause", reason: /2 recipients/ },
    { name: "70% delivered lowers the score", patch: { delivered: 70, read: 40 }, verdict: "healthy", score: 90, reason: /70% of sends delivered/ },
    { name: "very poor delivery is serious", patch: { delivered: 30, read: 20 }, verdict: "watch", score: 75, reason: /only 30%/ },
    { name: "no replies at all after 50 sends", patch: { replied: 0 }, verdict: "healthy", score: 95, reason: /no replies/ },
    { name: "weak signals add up to a pause", patch: { delivered: 30, read: 10, replied: 0, failed_463: 3 }, verdict: "pause", score: 40 },
  ])("$name", ({ patch, verdict, score, reason }) => {
    const health = senderHealth({ ...CLEAN, ...patch });
    expect(health.verdict).toBe(verdict);
    if (score !== undefined) expect(health.score).toBe(score);
    if (reason) expect(health.reasons.join("; ")).toMatch(reason);
    expect(health.score).toBeGreaterThanOrEqual(0);
    expect(health.score).toBeLessThanOrEqual(100);
  });

  it("a clean day gives no reasons", () => expect(senderHealth(CLEAN).reasons).toEqual([]));

  it("the score never rises with more failures", () => {
    let previous = 101;
    for (let failures = 0; failures <= 12; failures += 1) {
      const { score } = senderHealth({ ...CLEAN, failed_463: failures });
      expect(score).toBeLessThanOrEqual(previous);
      previous = score;
    }
    expect(previous).toBe(0);
  });
});
