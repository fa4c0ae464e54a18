import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { analyticsStatement, othersBacklogStatement } from "@voltura/plugin-campaigns/modules/campaigns/analytics/analytics-sql";
import { evaluateSenderHealth } from "@voltura/plugin-campaigns/modules/campaign-dispatch/senders/health";
import { recipientCountStatement, recipientPageStatement } from "@voltura/plugin-campaigns/modules/campaigns/analytics/recipients-sql";
import { authHeaders, settle } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";
import { until } from "./whatsapp-helpers";
import { planNodes, type PlanNode } from "./plans";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const pg = (c: MedusaContainer) => c.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);

/** A pacing policy that allows a send at any minute of any day, with a 1 s gap (the tests clear the gap by SQL). */
const OPEN_POLICY = {
  gap_min_seconds: 1, gap_max_seconds: 1, extra_pause_every: 0, window_start: "00:00", window_end: "23:59",
  weekend_days: [], holidays: [], daily_cap: 1000, warmup_days: 0,
};

async function session(c: MedusaContainer, id: string) {
  await pg(c).raw(`INSERT INTO whatsapp_session (id, name, kind, phone, state, enabled, paired_at, alerts, created_at, updated_at)
    VALUES (?, ?, 'simulator', ?, 'open', true, now() - interval '60 days', '[]'::jsonb, now(), now())`, [id, `Number ${id}`, `+6011000${id.slice(-4)}`]);
}

async function campaign(c: MedusaContainer, id: string, sessions: string[], template = "{Hai|Salam} {nama}, promosi skrin {model}!", status = "running") {
  await pg(c).raw(`INSERT INTO campaign (id, name, status, session_ids, template_ms, template_en, fallbacks, run_no, created_at, updated_at)
    VALUES (?, ?, ?, ?::jsonb, ?, '', '{"model":"telefon anda"}'::jsonb, 1, now(), now())`, [id, `Campaign ${id}`, status, JSON.stringify(sessions), template]);
}

async function recipient(c: MedusaContainer, id: string, campaignId: string, sessionId: string, phone: string, extra: Record<string, unknown> = {}) {
  const row = { status: "queued", name: `Name ${id}`, sent_at: null, ...extra };
  await pg(c).raw(`INSERT INTO campaign_recipient (id, campaign_id, run_no, phone, name, language, "values", session_id, status, idempotency_key, sent_at, created_at, updated_at)
    VALUES (?, ?, 1, ?, ?, 'ms', '{}'::jsonb, ?, ?, ?, ?, now(), now())`,
  [id, campaignId, phone, row.name, sessionId, row.status, `campaign:${campaignId}:${phone}`, row.sent_at]);
}


async function explain(c: MedusaContainer, statement: { sql: string; bindings: unknown[] }) {
  const [explained] = (await pg(c).raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.bindings)).rows;
  const [plan] = explained!["QUERY PLAN"] as Array<{ Plan: PlanNode; "Execution Time": number }>;
  const nodes = planNodes(plan!.Plan);
  return {
    described: nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`.trim()).join(" > "),
    seqScans: nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "campaign_recipient").length,
    indexes: nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])),
    ms: plan!["Execution Time"],
  };
}

/** 20,000 recipients: one campaign of 4,000 (statuses of a blast in progress) and sixteen finished ones of 1,000. */
async function seedBulkRecipients(c: MedusaContainer) {
  await pg(c).raw(`INSERT INTO campaign (id, name, status, session_ids, template_ms, run_no, created_at, updated_at)
    SELECT CASE WHEN g = 0 THEN 'camp_big' ELSE 'camp_old_' || g END, 'Bulk ' || g, CASE WHEN g = 0 THEN 'running' ELSE 'completed' END,
      '["wa_sess_s1","wa_sess_s2"]'::jsonb, 'Hai {nama}', 1, now(), now() FROM generate_series(0, 16) g`);
  await pg(c).raw(`INSERT INTO campaign_recipient (id, campaign_id, run_no, phone, name, language, "values", session_id, status, reason,
      idempotency_key, sent_at, delivered_at, read_at, failed_at, created_at, updated_at)
    SELECT 'crcp_bulk_' || lpad(g::text, 6, '0'), CASE WHEN g <= 4000 THEN 'camp_big' ELSE 'camp_old_' || (1 + g % 16) END, 1,
      '+601' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'), 'Bulk ' || g, 'ms', '{}'::jsonb,
      CASE WHEN g % 2 = 0 THEN 'wa_sess_s1' ELSE 'wa_sess_s2' END, st,
      CASE st WHEN 'failed' THEN (ARRAY['error_463','not_on_whatsapp'])[1 + (g / 6) % 2] WHEN 'skipped' THEN (ARRAY['opted_out','contact_cap'])[1 + (g / 6) % 2] END,
      'campaign:bulk:' || g, CASE WHEN st IN ('sent','delivered','read') THEN now() - (g % 500) * interval '1 minute' END,
      CASE WHEN st IN ('delivered','read') THEN now() END, CASE WHEN st = 'read' THEN now() END, CASE WHEN st = 'failed' THEN now() END, now(), now()
    FROM generate_series(1, 20000) g,
      LATERAL (SELECT CASE WHEN g <= 4000 AND g > 2400 THEN 'queued'
        ELSE (ARRAY['read','read','delivered','sent','failed','skipped'])[1 + g % 6] END AS st) s`);
  await pg(c).raw(`ANALYZE campaign_recipient`);
  await pg(c).raw(`ANALYZE campaign`);
}

const recipientRow = async (c: MedusaContainer, id: string) =>
  (await pg(c).raw(`SELECT status, reason, message_id, sent_at, body FROM campaign_recipient WHERE id = ?`, [id])).rows[0]!;

medusaIntegrationTestRunner({
  dbName: "voltura_it_campaigns_dispatch",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let technicianId: string;
    let system: Headers;
    const c = () => getContainer();
    const next = async (sessionId = "wa_sess_s1") => (await api.post("/admin/campaigns/dispatch/next", { session_id: sessionId }, system)).data;
    const sent = async (recipientId: string, messageId = `wa_msg_${recipientId}`) =>
      (await api.post("/admin/campaigns/dispatch/sent", { recipient_id: recipientId, message_id: messageId, status: "sent" }, system)).data;
    const clearGap = () => pg(c()).raw(`UPDATE campaign_sender SET last_sent_at = now() - interval '1 hour'`);

    beforeEach(async () => {
      const technician = await staff(c(), "technician", "Tariq Tech");
      technicianId = technician.id;
      as = {
        owner: (await staff(c(), "owner", "Olivia Owner")).headers, manager: (await staff(c(), "manager", "Maya Manager")).headers,
        cashier: (await staff(c(), "cashier")).headers, technician: technician.headers,
      };
      system = await authHeaders("system:campaign-pacer", "system");
      await session(c(), "wa_sess_s1");
      await session(c(), "wa_sess_s2");
      for (const s of ["wa_sess_s1", "wa_sess_s2"]) await api.patch(`/admin/campaigns/senders/${s}`, OPEN_POLICY, as.manager);
    });

    it("claims in order across campaigns, skips opted-out, blacklisted and contact-capped phones with their reasons, and re-offers the in-flight one", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      await campaign(c(), "camp_b", ["wa_sess_s1"]);
      await campaign(c(), "camp_old", ["wa_sess_s1"], "old", "completed");
      await recipient(c(), "crcp_a1", "camp_a", "wa_sess_s1", "+60120000001");
      await recipient(c(), "crcp_a2", "camp_a", "wa_sess_s1", "+60120000002");
      await recipient(c(), "crcp_a3", "camp_a", "wa_sess_s1", "+60120000003");
      await recipient(c(), "crcp_a4", "camp_a", "wa_sess_s1", "+60120000004");
      await recipient(c(), "crcp_b1", "camp_b", "wa_sess_s1", "+60120000011");
      await recipient(c(), "crcp_b2", "camp_b", "wa_sess_s1", "+60120000012");
      await recipient(c(), "crcp_old4", "camp_old", "wa_sess_s1", "+60120000004", { status: "sent", sent_at: new Date(Date.now() - 2 * 86_400_000) });
      await pg(c()).raw(`INSERT INTO whatsapp_contact (id, phone, opted_out_at, created_at, updated_at) VALUES ('wa_ct_1', '+60120000001', now(), now(), now())`);
      await pg(c()).raw(`INSERT INTO campaign_blacklist (id, phone, reason, created_at, updated_at) VALUES ('cbl_1', '+60120000002', 'asked by phone', now(), now())`);

      const first = await next();
      expect(first).toMatchObject({ action: "send", recipient_id: "crcp_a3", campaign_id: "camp_a", to: "+60120000003", idempotency_key: "campaign:camp_a:+60120000003", reoffered: false });
      expect(first.body).toMatch(/^(Hai|Salam) Name crcp_a3, promosi skrin telefon anda!$/);
      expect(first.typing_ms).toBeGreaterThanOrEqual(1500);
      expect(await recipientRow(c(), "crcp_a1")).toMatchObject({ status: "skipped", reason: "opted_out" });
      expect(await recipientRow(c(), "crcp_a2")).toMatchObject({ status: "skipped", reason: "blacklisted" });
      expect(await recipientRow(c(), "crcp_a3")).toMatchObject({ status: "sending", body: first.body });

      // Asked again before the send was recorded (a pacer that crashed): the same recipient, the same key and text.
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_a3", body: first.body, reoffered: true });

      expect(await sent("crcp_a3")).toMatchObject({ recipient: { id: "crcp_a3", status: "sent" }, replayed: false });
      const gap = await next();
      expect(gap).toMatchObject({ action: "wait", reason: "gap" });
      expect(new Date(gap.until).getTime()).toBeGreaterThan(Date.now() - 500);

      await clearGap();
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_b1" }); // round-robin: campaign B's turn
      await sent("crcp_b1");
      await clearGap();
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_b2" }); // A's a4 was contact-capped
      expect(await recipientRow(c(), "crcp_a4")).toMatchObject({ status: "skipped", reason: "contact_cap" });
      await sent("crcp_b2");
      await clearGap();
      expect(await next()).toEqual({ action: "idle" });
      expect(await next("wa_sess_s2")).toEqual({ action: "idle" });

      const senders = (await api.get("/admin/campaigns/senders", as.manager)).data.senders;
      expect(senders.find((s: { session_id: string }) => s.session_id === "wa_sess_s1")).toMatchObject({ sent_today: 3, cap_today: 1000, state: "open", paused_reason: null });
    });

    it("the emergency stop blocks the very next gate call on every number; anyone presses it, only a manager releases it", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1", "wa_sess_s2"]);
      await recipient(c(), "crcp_a1", "camp_a", "wa_sess_s1", "+60120000001");
      await recipient(c(), "crcp_a2", "camp_a", "wa_sess_s2", "+60120000002");

      const pressed = (await api.post("/admin/campaigns/emergency-stop", { reason: "wrong text" }, as.technician)).data.emergency_stop;
      expect(pressed).toMatchObject({ stopped: true, stop_reason: "wrong text", stopped_by: technicianId, running_campaigns: 1 });
      expect(await next("wa_sess_s1")).toMatchObject({ action: "wait", reason: "emergency_stop" });
      expect(await next("wa_sess_s2")).toMatchObject({ action: "wait", reason: "emergency_stop" });
      expect(await recipientRow(c(), "crcp_a1")).toMatchObject({ status: "queued" });
      expect((await api.get("/admin/campaigns/emergency-stop", as.cashier)).data.emergency_stop.stopped).toBe(true);

      expect((await settle(api.post("/admin/campaigns/emergency-resume", {}, as.cashier))).status).toBe(403);
      expect((await settle(api.post("/admin/campaigns/emergency-resume", {}, as.technician))).status).toBe(403);
      const released = (await api.post("/admin/campaigns/emergency-resume", {}, as.manager)).data.emergency_stop;
      expect(released).toMatchObject({ stopped: false, resumed_by: expect.any(String) });
      expect(await next("wa_sess_s1")).toMatchObject({ action: "send", recipient_id: "crcp_a1" });

      const audit = (await pg(c()).raw(`SELECT action, actor_id FROM audit_entry WHERE action LIKE 'campaign.emergency%' ORDER BY created_at`)).rows;
      expect(audit.map((a) => a.action)).toEqual(["campaign.emergency_stop", "campaign.emergency_resume"]);
      expect(audit[0]!.actor_id).toBe(technicianId);
    });

    it("records sent once, a failure never undoes a send, and health codes are named", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      await recipient(c(), "crcp_a1", "camp_a", "wa_sess_s1", "+60120000001");
      await recipient(c(), "crcp_a2", "camp_a", "wa_sess_s1", "+60120000002");
      expect((await next()).recipient_id).toBe("crcp_a1");
      expect(await sent("crcp_a1")).toMatchObject({ replayed: false });
      expect(await sent("crcp_a1")).toMatchObject({ replayed: true, recipient: { status: "sent" } });
      const failedLater = (await api.post("/admin/campaigns/dispatch/failed", { recipient_id: "crcp_a1", reason: "timeout" }, system)).data;
      expect(failedLater).toMatchObject({ replayed: true, recipient: { status: "sent" } });
      const [sender] = (await pg(c()).raw(`SELECT sent_today FROM campaign_sender WHERE session_id = 'wa_sess_s1'`)).rows;
      expect(Number(sender!.sent_today)).toBe(1);

      await clearGap();
      expect((await next()).recipient_id).toBe("crcp_a2");
      const failed = (await api.post("/admin/campaigns/dispatch/failed", { recipient_id: "crcp_a2", reason: "rate limited", code: 463 }, system)).data;
      expect(failed).toMatchObject({ replayed: false, recipient: { status: "failed", reason: "error_463" } });
      expect((await settle(api.post("/admin/campaigns/dispatch/sent", { recipient_id: "crcp_nope", message_id: "wa_msg_x" }, system))).status).toBe(404);
      expect((await settle(api.post("/admin/campaigns/dispatch/sent", { recipient_id: "crcp_a2" }, system))).data.message).toMatch(/message_id/);
    });

    it("a crash between the gateway's send and dispatch/sent is reconciled from the message log, never sent twice", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      await recipient(c(), "crcp_a1", "camp_a", "wa_sess_s1", "+60120000001");
      await recipient(c(), "crcp_a2", "camp_a", "wa_sess_s1", "+60120000002");
      const claimed = await next();
      expect(claimed.recipient_id).toBe("crcp_a1");
      // The gateway sent it (its row is the outbox, keyed by the recipient's key), then the worker died.
      await pg(c()).raw(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, idempotency_key, context_kind, context_ref, send_attempts, created_at, updated_at)
        VALUES ('wa_msg_crash1', 'wa_sess_s1', 'out', '+60120000001', ?, 'sent', ?, 'campaign', 'crcp_a1', 1, now(), now())`, [claimed.body, claimed.idempotency_key]);

      const after = await next();
      expect(after).toMatchObject({ action: "wait", reason: "gap" }); // the reconciled send counts for the gap
      expect(await recipientRow(c(), "crcp_a1")).toMatchObject({ status: "sent", message_id: "wa_msg_crash1" });
      await clearGap();
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_a2" });
    });

    it("progress completes the run with a campaign event by System; analytics, drill-down and exports count it", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      for (let i = 1; i <= 4; i++) await recipient(c(), `crcp_a${i}`, "camp_a", "wa_sess_s1", `+6012000000${i}`);
      await pg(c()).raw(`INSERT INTO whatsapp_contact (id, phone, opted_out_at, created_at, updated_at) VALUES ('wa_ct_1', '+60120000004', now(), now(), now())`);
      const progress = () => api.post("/admin/campaigns/dispatch/progress", { campaign_id: "camp_a", run_no: 1 }, system).then((r: { data: unknown }) => r.data as { remaining: number; done: boolean; status: string; session_ids?: string[] });
      expect(await progress()).toEqual({ remaining: 4, done: false, status: "running", session_ids: ["wa_sess_s1"] });

      for (const id of ["crcp_a1", "crcp_a2"]) {
        const claim = await next();
        expect(claim.recipient_id).toBe(id);
        await pg(c()).raw(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, idempotency_key, context_kind, send_attempts, created_at, updated_at)
          VALUES (?, 'wa_sess_s1', 'out', ?, ?, 'sent', ?, 'campaign', 1, now(), now())`, [`wa_msg_${id}`, claim.to, claim.body, claim.idempotency_key]);
        await sent(id, `wa_msg_${id}`);
        await clearGap();
      }
      expect((await next()).recipient_id).toBe("crcp_a3");
      await api.post("/admin/campaigns/dispatch/failed", { recipient_id: "crcp_a3", reason: "not on WhatsApp" }, system);
      await clearGap();
      expect(await next()).toEqual({ action: "idle" }); // a4 opted out: skipped

      // Receipts and a reply flow in from the WhatsApp log.
      await pg(c()).raw(`UPDATE whatsapp_message SET status = 'read' WHERE id = 'wa_msg_crcp_a1'`);
      await pg(c()).raw(`UPDATE whatsapp_message SET status = 'delivered' WHERE id = 'wa_msg_crcp_a2'`);
      const bus = c().resolve(Modules.EVENT_BUS);
      await bus.emit([
        { name: "whatsapp.message.status", data: { message_id: "wa_msg_crcp_a1", status: "read" } },
        { name: "whatsapp.message.status", data: { message_id: "wa_msg_crcp_a2", status: "delivered" } },
        { name: "whatsapp.message.received", data: { message_id: "wa_msg_in1", session_id: "wa_sess_s1", body: "Berapa harga?", phone: "+60120000001", received_at: new Date().toISOString(), counts_as_customer: true } },
      ]);
      await until(() => recipientRow(c(), "crcp_a1"), (r) => r.status === "read", "the read receipt");
      await until(() => recipientRow(c(), "crcp_a2"), (r) => r.status === "delivered", "the delivery receipt");
      await until(async () => (await pg(c()).raw(`SELECT replied_at FROM campaign_recipient WHERE id = 'crcp_a1'`)).rows[0]!.replied_at, Boolean, "the reply");

      expect(await progress()).toEqual({ remaining: 0, done: true, status: "completed", session_ids: ["wa_sess_s1"] });
      expect(await progress()).toEqual({ remaining: 0, done: true, status: "completed", session_ids: ["wa_sess_s1"] });
      const events = (await pg(c()).raw(`SELECT from_status, to_status, action, actor_id, actor_name FROM campaign_event WHERE campaign_id = 'camp_a'`)).rows;
      expect(events).toEqual([{ from_status: "running", to_status: "completed", action: "complete", actor_id: "system", actor_name: "System" }]);

      const analytics = (await api.get("/admin/campaigns/camp_a/analytics", as.manager)).data.analytics;
      expect(analytics).toMatchObject({
        status: "completed", run_no: 1, progress_pct: 100, eta: null,
        counts: { total: 4, queued: 0, sending: 0, sent: 2, delivered: 2, read: 1, failed: 1, skipped: 1, replied: 1, opted_out: 0, converted: 0 },
        failed_by_reason: [{ reason: "not on WhatsApp", count: 1 }], skipped_by_reason: [{ reason: "opted_out", count: 1 }],
        rates: { delivery: 1, read: 0.5, response: 0.5, conversion: 0 },
      });
      expect(analytics.sent_per_day).toHaveLength(1);
      expect(analytics.sent_per_day[0]).toMatchObject({ sent: 2, delivered: 2, read: 1 });

      const page1 = (await api.get("/admin/campaigns/camp_a/recipients?limit=3", as.manager)).data;
      expect(page1.recipients.map((r: { id: string }) => r.id)).toEqual(["crcp_a1", "crcp_a2", "crcp_a3"]);
      expect(page1).toMatchObject({ count: 4, next_cursor: "crcp_a3" });
      const page2 = (await api.get(`/admin/campaigns/camp_a/recipients?limit=3&after=${page1.next_cursor}`, as.manager)).data;
      expect(page2).toMatchObject({ recipients: [{ id: "crcp_a4", status: "skipped", reason: "opted_out" }], next_cursor: null });
      const failedOnly = (await api.get("/admin/campaigns/camp_a/recipients?status=failed", as.manager)).data;
      expect(failedOnly).toMatchObject({ count: 1, recipients: [{ id: "crcp_a3" }] });
      expect((await settle(api.get("/admin/campaigns/camp_a/recipients?status=lost", as.manager))).status).toBe(400);

      const csv = await api.get("/admin/campaigns/camp_a/export?format=csv", as.manager);
      expect(csv.headers["content-type"]).toMatch(/text\/csv/);
      const lines = String(csv.data).replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines).toHaveLength(5);
      expect(lines[1]).toMatch(/^crcp_a1,1,\+60120000001,Name crcp_a1,ms,read,/);
      const pdf = await api.get("/admin/campaigns/camp_a/export?format=pdf", { ...as.owner, responseType: "arraybuffer" });
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-");
    });

    it("lets each role do only its part", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      for (const role of ["cashier", "technician"] as const) {
        expect((await settle(api.get("/admin/campaigns/camp_a/analytics", as[role]))).status).toBe(403);
        expect((await settle(api.get("/admin/campaigns/camp_a/recipients", as[role]))).status).toBe(403);
        expect((await settle(api.get("/admin/campaigns/camp_a/export?format=csv", as[role]))).status).toBe(403);
        expect((await settle(api.get("/admin/campaigns/senders", as[role]))).status).toBe(403);
        expect((await settle(api.get("/admin/campaigns/emergency-stop", as[role]))).status).toBe(200);
      }
      for (const role of ["owner", "manager", "cashier", "technician"] as const) {
        expect((await settle(api.post("/admin/campaigns/dispatch/next", { session_id: "wa_sess_s1" }, as[role]))).status).toBe(403);
        expect((await settle(api.post("/admin/campaigns/dispatch/sent", { recipient_id: "x", message_id: "y" }, as[role]))).status).toBe(403);
      }
      expect((await settle(api.post("/admin/campaigns/senders/wa_sess_s1/pause", {}, as.cashier))).status).toBe(403);
      expect((await settle(api.post("/admin/campaigns/dispatch/next", { session_id: "wa_sess_s1" }))).status).toBe(401);
    });

    it("a paused number waits (its share is not moved) and the policy patch names a bad field", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      await recipient(c(), "crcp_a1", "camp_a", "wa_sess_s1", "+60120000001");
      const paused = (await api.post("/admin/campaigns/senders/wa_sess_s1/pause", { reason: "checking" }, as.manager)).data.sender;
      expect(paused).toMatchObject({ paused_reason: "manual", next_send_at: null, queued: 1 });
      expect(await next()).toMatchObject({ action: "wait", reason: "paused" });
      expect(await next("wa_sess_s2")).toEqual({ action: "idle" });
      await api.post("/admin/campaigns/senders/wa_sess_s1/resume", {}, as.manager);
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_a1" });

      const bad = await settle(api.patch("/admin/campaigns/senders/wa_sess_s1", { daily_cap: 0 }, as.manager));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/daily_cap/);
      const reversed = await settle(api.patch("/admin/campaigns/senders/wa_sess_s1", { window_start: "18:00", window_end: "09:00" }, as.owner));
      expect(reversed.status).toBe(400);
      expect(reversed.data.message).toMatch(/window_end/);
      expect((await settle(api.patch("/admin/campaigns/senders/wa_sess_nope", { daily_cap: 100 }, as.owner))).status).toBe(404);

      // Outside the window the gate names the rule and the instant it opens (a half hour twelve hours from now).
      const shopHour = (new Date().getUTCHours() + 8) % 24;
      const opens = `${String((shopHour + 12) % 24).padStart(2, "0")}:00`;
      await api.patch("/admin/campaigns/senders/wa_sess_s2", { window_start: opens, window_end: opens.replace(":00", ":30") }, as.manager);
      await recipient(c(), "crcp_a9", "camp_a", "wa_sess_s2", "+60120000009");
      const outside = await next("wa_sess_s2");
      expect(outside.action).toBe("wait");
      expect(["after_window", "before_window"]).toContain(outside.reason);
      const wait = new Date(outside.until).getTime() - Date.now();
      expect(wait).toBeGreaterThan(11 * 3_600_000);
      expect(wait).toBeLessThan(13 * 3_600_000);
      expect(await recipientRow(c(), "crcp_a9")).toMatchObject({ status: "queued" });

      // WhatsApp's reach-out timelock, as the gateway stores it on the session, holds the number until it ends.
      await api.patch("/admin/campaigns/senders/wa_sess_s2", OPEN_POLICY, as.manager);
      const lockedUntil = new Date(Date.now() + 2 * 3_600_000);
      await pg(c()).raw(`UPDATE whatsapp_session SET limits = ?::jsonb WHERE id = 'wa_sess_s2'`,
        [JSON.stringify({ reachout_timelock_until: lockedUntil.toISOString(), new_chat_cap: null, new_chat_used: null, checked_at: null })]);
      expect(await next("wa_sess_s2")).toEqual({ action: "wait", until: lockedUntil.toISOString(), reason: "timelock" });
      const monitor = (await api.get("/admin/campaigns/senders", as.manager)).data.senders.find((x: { session_id: string }) => x.session_id === "wa_sess_s2");
      expect(monitor).toMatchObject({ timelock_until: lockedUntil.toISOString(), wait_reason: "timelock", queued: 1 });
    });

    it("two 401/403 refusals pause the number for health at once, with an audit row; a manager's resume is not undone by the same signals", async () => {
      await campaign(c(), "camp_a", ["wa_sess_s1"]);
      for (let i = 1; i <= 3; i++) await recipient(c(), `crcp_a${i}`, "camp_a", "wa_sess_s1", `+6012000000${i}`);
      for (const id of ["crcp_a1", "crcp_a2"]) {
        expect((await next()).recipient_id).toBe(id);
        await api.post("/admin/campaigns/dispatch/failed", { recipient_id: id, reason: "forbidden", code: 403 }, system);
        await clearGap();
      }
      const [sender] = (await api.get("/admin/campaigns/senders", as.owner)).data.senders;
      expect(sender).toMatchObject({ session_id: "wa_sess_s1", paused_reason: "health", paused_by: "system", health: { verdict: "pause" } });
      expect(sender.health.reasons.join(" ")).toMatch(/401\/403/);
      expect(await next()).toMatchObject({ action: "wait", reason: "paused" });
      const audit = (await pg(c()).raw(`SELECT entity_id, metadata FROM audit_entry WHERE action = 'campaign.sender_auto_paused'`)).rows;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entity_id: "wa_sess_s1", metadata: { reason: "health" } });

      expect((await settle(api.post("/admin/campaigns/senders/wa_sess_s1/resume", {}, as.cashier))).status).toBe(403);
      expect((await api.post("/admin/campaigns/senders/wa_sess_s1/resume", {}, as.manager)).data.sender).toMatchObject({ paused_reason: null });
      expect((await evaluateSenderHealth(c(), "wa_sess_s1")).verdict).toBe("healthy");
      expect(await next()).toMatchObject({ action: "send", recipient_id: "crcp_a3" });
    });

    it("reads a 4,000-recipient campaign among 20,000 rows through its indexes only (no Seq Scan), with correct counts", async () => {
      await seedBulkRecipients(c());
      const statements = {
        analytics: analyticsStatement("camp_big", 1),
        analyticsSmall: analyticsStatement("camp_old_3", 1),
        othersBacklog: othersBacklogStatement("camp_big", ["wa_sess_s1", "wa_sess_s2"]),
        page: recipientPageStatement({ campaignId: "camp_big" }, 51),
        pageAfter: recipientPageStatement({ campaignId: "camp_big", after: "crcp_bulk_002000" }, 51),
        pageFailed: recipientPageStatement({ campaignId: "camp_big", status: "failed" }, 51),
        countCapped: recipientCountStatement({ campaignId: "camp_big", status: "read" }),
        countExact: recipientCountStatement({ campaignId: "camp_big" }, false),
      };
      for (const [name, statement] of Object.entries(statements)) {
        const plan = await explain(c(), statement);
        expect(plan.seqScans, `${name}: ${plan.described}`).toBe(0);
        expect(plan.indexes.length, `${name}: ${plan.described}`).toBeGreaterThan(0);
        console.info(`[plan] ${name} ${plan.ms.toFixed(2)} ms: ${plan.described}`);
      }

      const analytics = (await api.get("/admin/campaigns/camp_big/analytics", as.manager)).data.analytics;
      // g = 1..2400 cycle through read, read, delivered, sent, failed, skipped (g % 6 picks), 2401..4000 are queued.
      expect(analytics.counts).toMatchObject({ total: 4000, queued: 1600, sending: 0, read: 800, delivered: 1200, sent: 1600, failed: 400, skipped: 400 });
      expect(analytics.failed_by_reason).toEqual([{ reason: "error_463", count: 200 }, { reason: "not_on_whatsapp", count: 200 }]);
      expect(analytics.progress_pct).toBe(60);
      expect(typeof analytics.eta).toBe("string"); // running, both numbers open: a finish from pacing and budget
      const pageFailed = (await api.get("/admin/campaigns/camp_big/recipients?status=failed&limit=10", as.manager)).data;
      expect(pageFailed.count).toBe(400);
      expect(pageFailed.recipients).toHaveLength(10);
      expect(pageFailed.recipients.every((r: { status: string }) => r.status === "failed")).toBe(true);
      const all = (await api.get("/admin/campaigns/camp_big/recipients?limit=200", as.manager)).data;
      expect(all).toMatchObject({ count: 4000, count_estimated: false });
    });
  },
});
