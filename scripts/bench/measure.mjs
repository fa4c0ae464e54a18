// Latency measurement shared by the benches: N requests over C concurrent clients, p50/p95/max.
import { readFileSync } from "node:fs";

/** Resident memory of a process in MB, or null when it is gone. */
export function rssMb(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The highest resident memory of `pid` seen while it runs, sampled every `everyMs`. */
export function watchPeakRss(pid, everyMs = 250) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid) ?? 0);
  }, everyMs);
  timer.unref();
  return { peak: () => Math.max(peak, rssMb(pid) ?? 0), stop: () => clearInterval(timer) };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `task(i)` for i < count over `concurrency` clients; latencies in ms. */
export async function timeRequests(count, concurrency, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await task(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) };
}

/** One table row for `console.table`. */
export async function measure(name, count, concurrency, task) {
  const r = await timeRequests(count, concurrency, task);
  return {
    benchmark: name, requests: count, concurrency,
    "req/s": (count / r.seconds).toFixed(1),
    "p50 ms": r.p50.toFixed(1),
    "p95 ms": r.p95.toFixed(1),
    "max ms": r.max.toFixed(1),
  };
}
