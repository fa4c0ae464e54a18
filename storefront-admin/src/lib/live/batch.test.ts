import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInvalidationBatcher, reconnectDelay } from "./batch";

describe("invalidation batcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("invalidates once for a burst, ~200 ms after the first change", async () => {
    const flush = vi.fn(async (_keys: ReadonlySet<string>) => {});
    const batcher = createInvalidationBatcher({ delayMs: 200, flush });
    batcher.add(["live:job"]);
    await vi.advanceTimersByTimeAsync(150);
    batcher.add(["live:job", "live:stock"]);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(flush).toHaveBeenCalledTimes(1);
    expect([...flush.mock.calls[0]![0]]).toEqual(["live:job", "live:stock"]);
  });

  it("does not let a steady stream of changes postpone the reload forever", async () => {
    const flush = vi.fn(async (_keys: ReadonlySet<string>) => {});
    const batcher = createInvalidationBatcher({ delayMs: 200, flush });
    for (let t = 0; t < 1000; t += 50) {
      batcher.add(["live:campaign"]);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(flush.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps at most one invalidation waiting behind the one running", async () => {
    let release: () => void = () => {};
    const flush = vi.fn((_keys: ReadonlySet<string>) => new Promise<void>((resolve) => (release = resolve)));
    const batcher = createInvalidationBatcher({ delayMs: 200, flush });
    batcher.add(["live:job"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(flush).toHaveBeenCalledTimes(1);
    batcher.add(["live:sale"]);
    batcher.add(["live:stock"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(flush).toHaveBeenCalledTimes(1); // the first is still loading
    release();
    await vi.advanceTimersByTimeAsync(200);
    expect(flush).toHaveBeenCalledTimes(2);
    expect([...flush.mock.calls[1]![0]]).toEqual(["live:sale", "live:stock"]);
  });

  it("carries on after a failed reload", async () => {
    const flush = vi.fn().mockRejectedValueOnce(new Error("load failed")).mockResolvedValue(undefined);
    const batcher = createInvalidationBatcher({ delayMs: 200, flush });
    batcher.add(["live:job"]);
    await vi.advanceTimersByTimeAsync(200);
    batcher.add(["live:job"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("drops what waits once disposed", async () => {
    const flush = vi.fn(async (_keys: ReadonlySet<string>) => {});
    const batcher = createInvalidationBatcher({ delayMs: 200, flush });
    batcher.add(["live:job"]);
    batcher.dispose();
    batcher.add(["live:stock"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("reconnect delay", () => {
  it("doubles from 1 s up to 30 s", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => reconnectDelay(n, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("spreads reconnects by ±20 % so a restarted server is not hit by every tab at once", () => {
    expect(reconnectDelay(0, () => 0)).toBe(800);
    expect(reconnectDelay(0, () => 0.999999)).toBe(1200);
  });
});

describe("waiting for a batched invalidation", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resolves each caller once the invalidation holding its keys has finished", async () => {
    const flushed: string[][] = [];
    const batcher = createInvalidationBatcher({ delayMs: 200, flush: async (keys) => void flushed.push([...keys]) });
    let done = false;
    void batcher.add(["live:job:rjob_1"]).then(() => (done = true));
    void batcher.add(["live:job"]);
    await vi.advanceTimersByTimeAsync(199);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(flushed).toEqual([["live:job:rjob_1", "live:job"]]);
  });
});
