#!/usr/bin/env node
// The campaign row of `npm run bench` (also on its own: `node scripts/bench/campaign.mjs [5000,50000]`).
// The real pacer workflows (the built @voltura/workflows) on a fresh Temporal dev server, with
// compressed pacing: an in-memory gate that always answers "send" with no typing time, and an
// in-memory transport. So the time measured is Temporal's and the worker's own work per send: two
// activities (the send, the record that brings the next answer) and their workflow tasks. Prints per
// size the worker process's peak RSS, the events per pacer run (flat as recipients grow, thanks to
// continue-as-new every 200 sends) and the scheduling overhead per send. Last line: JSON rows.
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { Context } from "@temporalio/activity";
import { DefaultLogger, Runtime, Worker } from "@temporalio/worker";
import { CAMPAIGN_PACER } from "@voltura/domain";
import { watchPeakRss } from "./measure.mjs";

const SENDERS = 10;
const require = createRequire(import.meta.url);

function temporalCli() {
  const cacheDir = process.env.VOLTURA_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "voltura");
  return path.join(cacheDir, "bin", "temporal");
}

/** Commerce's gate and the transport, compressed: every ask is a send until the queue is empty. */
function compressedWorld(size) {
  const queues = new Map();
  const recipients = new Map();
  for (let i = 0; i < size; i++) {
    const sessionId = `bench_sess_${i % SENDERS}`;
    const recipient = { id: `crcp_bench_${i}`, sessionId, phone: `+60112${String(1_000_000 + i).padStart(7, "0")}`, status: "queued" };
    recipients.set(recipient.id, recipient);
    if (!queues.has(sessionId)) queues.set(sessionId, []);
    queues.get(sessionId).push(recipient);
  }
  const runs = new Map();
  let sent = 0;
  let transmits = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const next = (sessionId) => {
    const { workflowId, runId } = Context.current().info.workflowExecution;
    if (!runs.has(workflowId)) runs.set(workflowId, new Set());
    runs.get(workflowId).add(runId);
    const queue = queues.get(sessionId) ?? [];
    while (queue.length && queue[0].status === "sent") queue.shift();
    const r = queue[0];
    if (!r) return { action: "idle" };
    r.status = "sending";
    return {
      action: "send", recipientId: r.id, campaignId: "camp_bench", runNo: 1, to: r.phone, body: "Hai, tawaran minggu ini.",
      media: null, idempotencyKey: `campaign:camp_bench:${r.phone}`, typingMs: 0,
    };
  };
  const activities = {
    nextCampaignSend: async ({ sessionId }) => next(sessionId),
    recordCampaignSent: async ({ sessionId, recipientId }) => {
      const r = recipients.get(recipientId);
      if (r.status !== "sent") {
        r.status = "sent";
        if (++sent === size) resolveDone();
      }
      return next(sessionId);
    },
    recordCampaignFailed: async () => undefined,
    campaignProgress: async () => ({ remaining: size - sent, done: sent === size, status: sent === size ? "completed" : "running" }),
    wakeCampaignPacers: async () => undefined,
    sendWhatsApp: async (input) => {
      transmits++;
      return { messageId: `wa_msg_${input.idempotencyKey}`, waMessageId: null, status: "sent" };
    },
  };
  return { activities, done, runs, stats: () => ({ sent, transmits }) };
}

async function runSize(env, workflowBundle, size) {
  const world = compressedWorld(size);
  const taskQueue = `campaign-bench-${size}-${Date.now()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities: world.activities });
  const running = worker.run();
  const rss = watchPeakRss(process.pid, 100);
  const started = performance.now();
  for (let s = 0; s < SENDERS; s++) {
    const sessionId = `bench_sess_${s}`;
    await env.client.workflow.signalWithStart(CAMPAIGN_PACER.workflowType, {
      taskQueue, workflowId: `${CAMPAIGN_PACER.workflowId(sessionId)}-${size}`, args: [{ sessionId }], signal: CAMPAIGN_PACER.signals.wake, signalArgs: [{}],
    });
  }
  await world.done;
  const seconds = (performance.now() - started) / 1000;
  const peakRss = rss.peak();
  rss.stop();
  const events = [];
  for (const [workflowId, runIds] of world.runs) {
    for (const runId of runIds) {
      const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      events.push(history.events?.length ?? 0);
    }
    await env.client.workflow.getHandle(workflowId).terminate("bench over").catch(() => undefined);
  }
  worker.shutdown();
  await running;
  events.sort((a, b) => a - b);
  const { sent, transmits } = world.stats();
  return {
    benchmark: `campaign pacers, ${size.toLocaleString("en")} recipients / ${SENDERS} numbers`,
    sent, transmits, "wall s": seconds.toFixed(1), "sends/s": (sent / seconds).toFixed(0),
    "overhead ms/send (per pacer)": ((seconds * 1000 * SENDERS) / sent).toFixed(1),
    "pacer runs": events.length, "events/run median": events[Math.floor(events.length / 2)], "events/run max": events.at(-1),
    "worker peak RSS MB": peakRss,
  };
}

export async function benchCampaign(sizes = [5_000, 50_000]) {
  Runtime.install({ logger: new DefaultLogger("ERROR") });
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: "existing-path", path: temporalCli() } } });
  try {
    const workflowBundle = { codePath: require.resolve("@voltura/temporal-worker/dist/workflow-bundle.js") };
    const rows = [];
    for (const size of sizes) rows.push(await runSize(env, workflowBundle, size));
    return rows;
  } finally {
    await env.teardown();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv[2] ?? "5000,50000").split(",").map(Number);
  const rows = await benchCampaign(sizes);
  console.table(rows);
  console.log(JSON.stringify(rows));
  process.exit(0);
}
