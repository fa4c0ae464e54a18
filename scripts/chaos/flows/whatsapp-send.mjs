// WhatsApp sends under crashes: T clients × S messages, each sent twice at once with one idempotency
// key while commerce (which runs the gateway: session owner, outbox, simulator) is SIGKILLed and
// restarted. The simulator appends every message it hands to "WhatsApp" to a wire log that outlives
// the process (WHATSAPP_SIMULATOR_WIRE_LOG). Afterwards: one message row per key, every row sent
// once recovery settled, nothing on the wire under an id no row has (a second, different message),
// and no key without a transmission. A resend under the same WhatsApp id (the process died between
// "handed to the socket" and "recorded as sent") is counted, not failed: the gateway chose at least
// once with a stable id there (ARCHITECTURE.md "WhatsApp gateway").
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, settle } from "../invariants.mjs";

const SESSION_NAME = "Chaos (simulator)";
const PACE_MS = 1500;

function wireLog(ctx) {
  const file = ctx.env.WHATSAPP_SIMULATOR_WIRE_LOG;
  if (!file) throw new Error("WHATSAPP_SIMULATOR_WIRE_LOG is not set for the chaos stack");
  return file;
}

function readWire(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
}

const phoneOf = (client, n) => `+60111${String(100000 + client * 1000 + n).padStart(7, "0")}`;

const runRows = (prefix) => `SELECT idempotency_key, status, wa_message_id, send_attempts FROM whatsapp_message
  WHERE direction = 'out' AND deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`;

export default {
  name: "whatsapp-send",
  needs: ["commerce"],
  kills: ["commerce"],
  resultOf: (json) => json?.message?.id ?? null,

  async prepare(ctx) {
    const file = wireLog(ctx);
    writeFileSync(file, "");
    const listed = await ctx.call(ctx.actors.manager, "GET", "/admin/whatsapp/sessions");
    const existing = listed.json?.sessions?.find((s) => s.name === SESSION_NAME);
    if (!existing) {
      const made = await ctx.call(ctx.actors.manager, "POST", "/admin/whatsapp/sessions", { name: SESSION_NAME, kind: "simulator", is_default: true, paired: true });
      if (made.status !== 201) throw new Error(`creating the simulator session → ${made.status}: ${JSON.stringify(made.json).slice(0, 200)}`);
    }
    ctx.state.wa = { prefix: `chaos-${ctx.runId}-wa-`, file };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => {
    const { prefix } = ctx.state.wa;
    return Array.from({ length: ctx.opts.sales }, (_, n) => {
      const key = `${prefix}c${i + 1}-m${n + 1}`;
      const phone = phoneOf(i, n);
      return {
        // A send answers in a few milliseconds: paced like staff at a counter so kills land mid-run.
        key, actor: ctx.actors.cashier, method: "POST", path: "/admin/whatsapp/messages", copies: 2, pauseMs: PACE_MS,
        body: { to: phone, body: `Telefon anda siap untuk diambil (${n + 1})`, idempotency_key: key, context: { kind: "staff" } },
      };
    });
  },

  async check(ctx, outcome) {
    const { prefix, file } = ctx.state.wa;
    // Messages a crash left queued or claimed go out from the outbox (claims after their 30 s lease).
    const unsent = await settle(
      () => ctx.sql.count(`SELECT count(*) FROM (${runRows(prefix)}) r WHERE r.status = 'pending'`),
      ctx.opts.settleSeconds * 1000,
    );
    const rows = ctx.sql.rows(runRows(prefix));
    const perKey = new Map();
    for (const [key] of rows) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    const duplicates = [...perKey.values()].filter((n) => n > 1).length;
    const answeredKeys = outcome.records.filter((r) => r.results.size > 0).map((r) => r.key);
    const lost = answeredKeys.filter((key) => !perKey.has(key)).length;
    const failed = rows.filter(([, status]) => status === "failed").length;

    const ids = new Set(rows.map(([, , waId]) => waId).filter(Boolean));
    const phones = new Set(Array.from({ length: ctx.opts.tills }, (_, i) => Array.from({ length: ctx.opts.sales }, (_, n) => phoneOf(i, n))).flat());
    const wire = readWire(file).filter((entry) => phones.has(entry.to));
    const perId = new Map();
    for (const entry of wire) perId.set(entry.wa_message_id, (perId.get(entry.wa_message_id) ?? 0) + 1);
    const strangers = [...perId.keys()].filter((id) => !ids.has(id)).length;
    const sentRows = rows.filter(([, status]) => status !== "pending" && status !== "failed");
    const neverTransmitted = sentRows.filter(([, , waId]) => !perId.has(waId)).length;
    const resentSameId = [...perId.values()].filter((n) => n > 1).length;
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (duplicates) failures.push(`${duplicates} key(s) with more than one message row`);
    if (lost) failures.push(`${lost} message(s) answered to a client but not in the database`);
    if (unsent) failures.push(`${unsent} message(s) still pending after ${ctx.opts.settleSeconds} s of recovery`);
    if (failed) failures.push(`${failed} message(s) marked failed`);
    if (strangers) failures.push(`${strangers} transmission(s) under a WhatsApp id no message row has (a second message)`);
    if (neverTransmitted) failures.push(`${neverTransmitted} message(s) recorded as sent that never reached the wire`);
    if (integrity.failure) failures.push(integrity.failure);
    return {
      columns: {
        messages: `${sentRows.length} sent/${outcome.records.length}`, duplicates, lost, unsent,
        transmissions: wire.length, "resent same id": resentSameId, "other-id sends": strangers, integrity: integrity.text,
      },
      failures,
    };
  },
};
