// The generic part of a chaos flow. A flow module is
//   { name, needs: ["commerce", "worker"], kills: ["commerce", …], retryCodes?: [...], resultOf(json) → id,
//     prepare(ctx), clients(ctx) → count, client(ctx, i) → [{ key, actor, method, path, body, copies, pauseMs? (default 250) }],
//     check(ctx, outcome) → { columns, failures } }
// The runner sends every operation `copies` times at once with its one key, retries each copy
// (backoff, same key and body) until a definite answer — 2xx with a result id, or a 4xx that is
// not "in progress / try again" — while the flow's processes are SIGKILLed and restarted, then
// asks the flow to check its invariants and makes the table row.
import { scheduleKills } from "./killer.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The least pause between one client's operations (a flow may ask for more). */
const DEFAULT_PAUSE_MS = 250;
/** 409 codes meaning "not decided yet, send the same request again". */
const DEFAULT_RETRY_CODES = ["checkout_in_progress", "checkout_retry", "idempotency_key_in_use", "in_progress", "retry"];

function classify(answer, flow, retryCodes) {
  if (answer.status === 0) return "unreachable";
  if (answer.status >= 500) return "server_error";
  if (answer.status >= 200 && answer.status < 300) return flow.resultOf(answer.json) ? "result" : "pending";
  if (answer.status === 429 || answer.status === 408) return "pending";
  if (answer.status === 409 && retryCodes.has(answer.json?.code)) return "pending";
  return "refused";
}

async function sendCopy(ctx, flow, op, record, stats, retryCodes) {
  const started = Date.now();
  let delay = 150;
  for (;;) {
    const answer = await ctx.call(op.actor, op.method, op.path, op.body);
    stats.requests += 1;
    const kind = classify(answer, flow, retryCodes);
    if (kind === "result") {
      record.results.add(flow.resultOf(answer.json));
      return;
    }
    if (kind === "refused") {
      record.refusals.push(`${answer.status} ${answer.json?.code ?? answer.json?.type ?? ""} ${String(answer.json?.message ?? "").slice(0, 120)}`.trim());
      return;
    }
    if (kind === "server_error") {
      // A process that is down answers nothing: any 5xx came from a running server.
      stats.serverErrors.push({ key: op.key, status: answer.status, message: String(answer.json?.message ?? "").slice(0, 160) });
    }
    if (kind === "unreachable") stats.unreachable += 1;
    else if (kind === "pending") stats.pending += 1;
    const upMs = Date.now() - started - Math.max(...flow.kills.map((name) => ctx.stack.downMsSince(name, started)));
    if (ctx.aborted || upMs > ctx.opts.giveUpSeconds * 1000) {
      record.gaveUp.push(kind === "unreachable" ? answer.error : `${answer.status} ${answer.json?.code ?? ""}`.trim());
      return;
    }
    await sleep(delay + ctx.jitter(delay));
    delay = Math.min(delay * 2, 2000);
  }
}

function resultsPerKey(records) {
  const histogram = new Map();
  for (const r of records) histogram.set(r.results.size, (histogram.get(r.results.size) ?? 0) + 1);
  if (histogram.size === 1 && histogram.has(1)) return "1";
  return [...histogram.entries()].sort(([a], [b]) => a - b).map(([n, keys]) => `${n}:${keys}`).join(" ");
}

export async function runFlow(flow, ctx) {
  const t0 = Date.now();
  ctx.aborted = false;
  ctx.log(`[${flow.name}] preparing`);
  await flow.prepare(ctx);
  const clients = Array.from({ length: flow.clients(ctx) }, (_, i) => flow.client(ctx, i));
  const records = new Map();
  for (const op of clients.flat()) records.set(op.key, { key: op.key, results: new Set(), refusals: [], gaveUp: [] });
  const stats = { requests: 0, unreachable: 0, pending: 0, serverErrors: [] };
  const retryCodes = new Set([...DEFAULT_RETRY_CODES, ...(flow.retryCodes ?? [])]);
  let settled = 0;
  const killer = scheduleKills({
    stack: ctx.stack, rng: ctx.rng, kills: ctx.opts.kills, targets: flow.kills, log: ctx.log,
    progress: () => settled / records.size,
    onBroken: (err) => {
      ctx.aborted = true;
      ctx.log(`[${flow.name}] a process did not come back: ${err.message}`);
    },
  });
  ctx.log(`[${flow.name}] ${clients.length} clients, ${records.size} keys, ${ctx.opts.kills} kill(s) of ${flow.kills.join(" + ")}`);
  const tRun = Date.now();
  await Promise.all(clients.map(async (ops) => {
    for (const op of ops) {
      const record = records.get(op.key);
      await Promise.all(Array.from({ length: op.copies ?? 2 }, () => sendCopy(ctx, flow, op, record, stats, retryCodes)));
      settled += 1;
      // A client's pace between operations, so a kill (at most 400 ms after its point) lands while
      // clients still send even when the requests answer in milliseconds.
      await sleep(op.pauseMs ?? DEFAULT_PAUSE_MS);
    }
  }));
  const runSeconds = (Date.now() - tRun) / 1000;
  let kills = killer.done;
  let harnessError = null;
  try {
    kills = await killer.finish();
  } catch (err) {
    harnessError = err.message;
  }

  const all = [...records.values()];
  const outcome = {
    records: all, stats, kills,
    answered: all.filter((r) => r.results.size > 0 || r.refusals.length > 0),
    resultIds: new Set(all.flatMap((r) => [...r.results])),
  };
  ctx.log(`[${flow.name}] clients done in ${runSeconds.toFixed(1)} s: ${stats.requests} requests, ${stats.unreachable} unanswered (process down), ${stats.pending} "in progress", ${stats.serverErrors.length} 5xx; checking invariants`);
  const checked = harnessError ? { columns: {}, failures: [] } : await flow.check(ctx, outcome);

  const failures = [...checked.failures];
  if (harnessError) failures.push(`harness: ${harnessError}`);
  const unanswered = all.filter((r) => r.results.size === 0 && r.refusals.length === 0);
  if (unanswered.length) failures.push(`${unanswered.length} key(s) never got a definite answer, e.g. ${unanswered[0].key}: ${unanswered[0].gaveUp.join(", ")}`);
  const refused = all.filter((r) => r.refusals.length);
  if (refused.length) failures.push(`${refused.length} key(s) with a refusal, e.g. ${refused[0].key}: ${refused[0].refusals.join(", ")}`);
  const split = all.filter((r) => r.results.size > 1);
  if (split.length) failures.push(`${split.length} key(s) answered with more than one result, e.g. ${split[0].key}: ${[...split[0].results].join(", ")}`);
  if (stats.serverErrors.length) failures.push(`${stats.serverErrors.length} 5xx while up, e.g. ${JSON.stringify(stats.serverErrors[0])}`);
  if (kills < ctx.opts.kills) failures.push(`only ${kills} of ${ctx.opts.kills} kill(s) happened before the clients finished`);

  const row = {
    flow: flow.name,
    requests: stats.requests,
    keys: records.size,
    answered: `${outcome.answered.length}/${records.size}`,
    "results/key": resultsPerKey(all),
    ...checked.columns,
    "5xx up": stats.serverErrors.length,
    kills: `${kills}/${ctx.opts.kills}`,
    "run s": runSeconds.toFixed(0),
    "total s": ((Date.now() - t0) / 1000).toFixed(0),
    verdict: failures.length ? "FAIL" : "ok",
  };
  return { row, failures, stats, events: killer.events };
}
