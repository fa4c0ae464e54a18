// Kills the flow's processes at random points of its progress (a fraction of the keys settled),
// a random moment after each point, keeps them down for a random while, and starts them again.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `progress()` → fraction of keys settled (0..1). Kill points are spread over 5 %–90 % so every kill
 * lands while clients are still sending. `finish()` stops scheduling, waits for a restart under way
 * and resolves to the number of kills done (rejects when a process did not come back).
 */
export function scheduleKills({ stack, rng, kills, targets, progress, log, onBroken, minUpMs = 1500 }) {
  const points = kills > 0 ? rng.spread(kills, 0.05, 0.9) : [];
  const plan = points.map((point) => ({ point, delayMs: rng.int(0, 400), downMs: rng.int(300, 3000) }));
  let stopped = false;
  let done = 0;
  const events = [];
  const loop = (async () => {
    for (const step of plan) {
      while (!stopped && progress() < step.point) await sleep(50);
      if (stopped) return;
      await sleep(step.delayMs);
      if (stopped) return;
      const at = progress();
      log(`kill ${done + 1}/${kills} at ${(at * 100).toFixed(0)}% settled: SIGKILL ${targets.join(" + ")}, down ${step.downMs} ms`);
      const t = Date.now();
      await Promise.all(targets.map((name) => stack.crash(name, step.downMs)));
      done += 1;
      events.push({ at, restartMs: Date.now() - t });
      log(`  ${targets.join(" + ")} back after ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await sleep(minUpMs);
    }
  })();
  // A process that does not come back ends the run: the clients stop retrying (onBroken).
  loop.catch((err) => onBroken(err));
  return {
    get done() {
      return done;
    },
    events,
    async finish() {
      stopped = true;
      await loop;
      return done;
    },
  };
}
