// A seeded pseudo-random source (mulberry32), so a run's choices (items, tenders, kill points,
// downtimes) can be replayed with the same --seed. Timing still varies from run to run.
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` sorted fractions spread over [from, to], one random point per equal slice. */
    spread(count, from, to) {
      const width = (to - from) / count;
      return Array.from({ length: count }, (_, i) => from + width * (i + next()));
    },
  };
}
