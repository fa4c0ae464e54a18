// A WhatsApp campaign under crashes: R recipients (200; 24 with --short) imported as a list, sent by
// the per-number pacers (Temporal) through the commerce gate over 4 simulator numbers, while commerce
// and the Temporal worker are SIGKILLed and restarted together. The clients only watch progress (a
// paced GET), so the kills land while the pacers send. Afterwards: every recipient in exactly one
// final state, none lost, one message row per recipient key, nothing on the simulator's wire under an
// id no row has (a second message to someone), and no transmission to an opted-out or blacklisted
// phone. A resend under the same WhatsApp id (a crash between "handed to the socket" and "recorded")
// is counted, not failed, as in the whatsapp-send flow.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { literal } from "../db.mjs";
import { settle } from "../invariants.mjs";

const SENDERS = 4;
/** A send takes typing (≥ 1.5 s, ~2.5 s for these texts) + the 1 s gap + the round trips. */
const SEND_CYCLE_MS = 4000;
const PROBES = 40;
/** Sending allowed at any hour on any day, 1 s gaps, no cap that matters (the test policy). */
const OPEN_POLICY = {
  gap_min_seconds: 1, gap_max_seconds: 1, extra_pause_every: 0, extra_pause_min_seconds: 0, extra_pause_max_seconds: 0,
  window_start: "00:00", window_end: "23:59", weekend_days: [], holidays: [], daily_cap: 1000, warmup_days: 0,
};
const FINAL = ["sent", "delivered", "read", "failed", "skipped"];

const readWire = (file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : []);

async function mustCall(ctx, method, path, body, expected = [200, 201]) {
  const answer = await ctx.call(ctx.actors.manager, method, path, body);
  if (!expected.includes(answer.status)) throw new Error(`${method} ${path} → ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
  return answer.json;
}

/** Simulator numbers for the campaign, each with the open test policy. */
async function senders(ctx) {
  const listed = await mustCall(ctx, "GET", "/admin/whatsapp/sessions");
  const ids = [];
  for (let n = 1; n <= SENDERS; n++) {
    const name = `Chaos campaign ${n}`;
    let session = listed.sessions?.find((s) => s.name === name);
    if (!session) session = (await mustCall(ctx, "POST", "/admin/whatsapp/sessions", { name, kind: "simulator", paired: true })).session;
    await mustCall(ctx, "PATCH", `/admin/campaigns/senders/${session.id}`, OPEN_POLICY);
    ids.push(session.id);
  }
  return ids;
}

export default {
  name: "campaign",
  needs: ["commerce", "worker"],
  kills: ["commerce", "worker"],
  resultOf: (json) => json?.analytics?.campaign_id ?? null,

  async prepare(ctx) {
    const file = ctx.env.WHATSAPP_SIMULATOR_WIRE_LOG;
    if (!file) throw new Error("WHATSAPP_SIMULATOR_WIRE_LOG is not set for the chaos stack");
    writeFileSync(file, "");
    const total = ctx.opts.short ? 24 : 200;
    const base = ctx.rng.int(100, 899) * 10_000;
    const phones = Array.from({ length: total }, (_, n) => `+60112${String(base + n).padStart(7, "0")}`);
    const unique = [...new Set(phones)];
    // Every 12th is opted out of WhatsApp, every 12th (offset 6) blacklisted: never sent to.
    const optedOut = unique.filter((_, n) => n % 12 === 3);
    const blacklisted = unique.filter((_, n) => n % 12 === 9);
    const sessionIds = await senders(ctx);
    await mustCall(ctx, "POST", "/admin/campaigns/dispatch/settings", { identical_text_per_hour: 10_000, contact_cap_days: 0 });
    for (const phone of optedOut) await mustCall(ctx, "POST", "/admin/whatsapp/contacts/opt-out", { phone });
    for (const phone of blacklisted) await mustCall(ctx, "POST", "/admin/campaigns/blacklist", { phone, reason: "Chaos: asked not to be contacted" }, [200, 201, 409]);

    const { campaign } = await mustCall(ctx, "POST", "/admin/campaigns/plans", {
      name: `Chaos campaign ${ctx.runId}`, session_ids: sessionIds, schedule: { kind: "now" }, audience: { mode: "list" },
      template_ms: "Hai {nama}, skrin telefon anda kini diskaun 20% minggu ini.", template_en: "Hi {nama}, screen repairs are 20% off this week.",
      fallbacks: { nama: "pelanggan" },
    });
    const csv = ["phone,name", ...unique.map((phone, n) => `${phone},Pelanggan ${n + 1}`)].join("\n");
    await mustCall(ctx, "POST", `/admin/campaigns/${campaign.id}/audience/import`, { csv });
    await mustCall(ctx, "POST", `/admin/campaigns/${campaign.id}/launch`, {});
    const expectedMs = (unique.length / SENDERS) * SEND_CYCLE_MS;
    ctx.state.campaign = { id: campaign.id, file, phones: unique, optedOut, blacklisted, probeMs: Math.round(expectedMs / PROBES) };
    ctx.log(`[campaign] ${campaign.id}: ${unique.length} recipients on ${SENDERS} numbers (${optedOut.length} opted out, ${blacklisted.length} blacklisted), ~${(expectedMs / 1000).toFixed(0)} s of sending`);
  },

  clients: () => 1,

  // Progress probes spread over the expected sending time: the kill points follow them.
  client: (ctx) => Array.from({ length: ctx.opts.short ? PROBES / 4 : PROBES }, (_, n) => ({
    key: `${ctx.state.campaign.id}-probe-${n + 1}`, actor: ctx.actors.manager, method: "GET", copies: 1,
    path: `/admin/campaigns/${ctx.state.campaign.id}/analytics`, pauseMs: ctx.state.campaign.probeMs * (ctx.opts.short ? 4 : 1),
  })),

  async check(ctx) {
    const { id, file, phones, optedOut, blacklisted } = ctx.state.campaign;
    const recipients = `SELECT id, phone, status, reason, idempotency_key, message_id FROM campaign_recipient WHERE campaign_id = ${literal(id)}`;
    const open = await settle(
      // A recipient is settled once its message has left the outbox too: a send committed just before a kill
      // waits for the restarted owner's next outbox pass.
      () => ctx.sql.count(`SELECT count(*) FROM (${recipients}) r WHERE r.status IN ('queued', 'sending')
        OR EXISTS (SELECT 1 FROM whatsapp_message m WHERE m.idempotency_key = r.idempotency_key AND m.direction = 'out'
          AND m.status = 'pending' AND m.deleted_at IS NULL)`),
      ctx.opts.settleSeconds * 1000,
    );
    const rows = ctx.sql.rows(recipients).map(([rid, phone, status, reason, key, messageId]) => ({ rid, phone, status, reason, key, messageId }));
    const perPhone = new Map();
    for (const r of rows) perPhone.set(r.phone, (perPhone.get(r.phone) ?? 0) + 1);
    const lost = phones.filter((p) => !perPhone.has(p)).length;
    const twice = [...perPhone.values()].filter((n) => n > 1).length;
    const notFinal = rows.filter((r) => !FINAL.includes(r.status)).length;

    const keys = rows.map((r) => r.key);
    const messages = keys.length
      ? ctx.sql.rows(`SELECT idempotency_key, status, wa_message_id FROM whatsapp_message WHERE direction = 'out' AND deleted_at IS NULL
          AND idempotency_key IN (${keys.map(literal).join(",")})`)
      : [];
    const rowsPerKey = new Map();
    for (const [key] of messages) rowsPerKey.set(key, (rowsPerKey.get(key) ?? 0) + 1);
    const duplicateRows = [...rowsPerKey.values()].filter((n) => n > 1).length;
    const ids = new Set(messages.map(([, , waId]) => waId).filter(Boolean));
    const wire = readWire(file).filter((entry) => perPhone.has(entry.to));
    const perId = new Map();
    for (const entry of wire) perId.set(entry.wa_message_id, (perId.get(entry.wa_message_id) ?? 0) + 1);
    const strangers = [...perId.keys()].filter((waId) => !ids.has(waId)).length;
    const resentSameId = [...perId.values()].filter((n) => n > 1).length;
    const sentRows = rows.filter((r) => ["sent", "delivered", "read"].includes(r.status));
    const sentWithoutWire = sentRows.filter((r) => {
      const message = messages.find(([key]) => key === r.key);
      return !message || !perId.has(message[2]);
    }).length;
    const forbidden = new Set([...optedOut, ...blacklisted]);
    const sentToForbidden = wire.filter((entry) => forbidden.has(entry.to)).length + sentRows.filter((r) => forbidden.has(r.phone)).length;
    const excluded = rows.filter((r) => forbidden.has(r.phone) && (r.status === "skipped" || r.status === "failed")).length;

    const failures = [];
    if (open) failures.push(`${open} recipient(s) still queued or sending, or their message still in the outbox, ${ctx.opts.settleSeconds} s after the probes`);
    if (notFinal) failures.push(`${notFinal} recipient(s) not in a final state`);
    if (lost || twice) failures.push(`${lost} phone(s) without a recipient row, ${twice} with more than one`);
    if (duplicateRows) failures.push(`${duplicateRows} recipient key(s) with more than one message row`);
    if (strangers) failures.push(`${strangers} transmission(s) under a WhatsApp id no message row has (a second message)`);
    if (sentWithoutWire) failures.push(`${sentWithoutWire} recipient(s) recorded as sent that never reached the wire`);
    if (sentToForbidden) failures.push(`${sentToForbidden} send(s) to opted-out or blacklisted phones`);
    if (excluded !== forbidden.size) failures.push(`${forbidden.size - excluded} opted-out/blacklisted recipient(s) not skipped or failed`);
    return {
      columns: {
        recipients: `${sentRows.length} sent/${rows.length}`, "not final": notFinal + open, lost, "message rows >1": duplicateRows,
        transmissions: wire.length, "resent same id": resentSameId, "other-id sends": strangers, "to excluded": sentToForbidden,
      },
      failures,
    };
  },
};
