/**
 * Gathers the dependencies live changes touch and invalidates them together: the first change opens a
 * window of `delayMs`, everything arriving meanwhile joins it, then one invalidation re-runs each
 * affected load once. A burst (a campaign sending, a stock take) never queues more than one
 * invalidation behind the one running.
 */
export interface InvalidationBatcher {
  /** Resolves once the invalidation that includes `keys` has finished (at once if disposed). */
  add(keys: Iterable<string>): Promise<void>;
  /** Drops what is waiting (the tab is leaving the staff area). */
  dispose(): void;
}

export interface BatcherOptions {
  delayMs: number;
  flush: (keys: ReadonlySet<string>) => Promise<unknown>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createInvalidationBatcher({
  delayMs,
  flush,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
}: BatcherOptions): InvalidationBatcher {
  let pending = new Set<string>();
  let waiting: (() => void)[] = [];
  let timer: unknown = null;
  let flushing = false;
  let disposed = false;

  const schedule = () => {
    if (timer !== null || flushing || disposed || pending.size === 0) return;
    timer = setTimer(run, delayMs);
  };

  async function run() {
    timer = null;
    const keys = pending;
    const done = waiting;
    pending = new Set();
    waiting = [];
    flushing = true;
    try {
      await flush(keys);
    } catch {
      // A failed load shows its own error; the next change tries again.
    } finally {
      flushing = false;
      done.forEach((resolve) => resolve());
      schedule();
    }
  }

  return {
    add(keys) {
      if (disposed) return Promise.resolve();
      for (const key of keys) pending.add(key);
      const finished = new Promise<void>((resolve) => waiting.push(resolve));
      schedule();
      return finished;
    },
    dispose() {
      disposed = true;
      pending.clear();
      waiting.forEach((resolve) => resolve());
      waiting = [];
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}

/** Waits before reconnecting after the n-th failure in a row (0-based): 1 s, 2 s, 4 s … up to 30 s, ±20 %. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempt, 15)));
  return Math.round(base * (0.8 + 0.4 * random()));
}
