import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { startFakeGraphApi, type FakeGraphApi } from "@voltura/whatsapp-transport/testing";
import { settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { until } from "./whatsapp-helpers";
import { planNodes, type PlanNode } from "./plans";

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
const templateSyncJob = requireCjs("@voltura/plugin-whatsapp/jobs/whatsapp-template-sync") as typeof import("@voltura/plugin-whatsapp/jobs/whatsapp-template-sync");
const templateSql = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/templates/template-sql") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/templates/template-sql");

const PNID = "109876543210077";
const WABA = "209876543210077";
const TOKEN = "EAAGvoltura-rules-system-user-token";
const APP_SECRET = "app-secret-of-the-rules-shop";
const VERIFY = "verify-token-of-the-rules-shop";
/** Wrote a minute ago (window open), never wrote, wrote 25 hours ago (window closed). */
const OPEN = "+60123457001";
const NEVER = "+60123457002";
const STALE = "+60123457003";
const PICKUP_BODY = "Hai {{1}}, telefon anda ({{2}}) siap untuk diambil.";

type Db = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

/**
 * The Cloud API's rules before a send, against the fake Graph API: the 24-hour window, approved
 * templates with their parameters, the purpose fallback, template sync / submit / bindings, and the
 * number's tier and quality on the health answer.
 */
medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_cloud_rules",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let fake: FakeGraphApi;
    let sessionId: string;
    let simulatorId: string;
    const db = () => getContainer().resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION);
    const sql = async (text: string, bindings: unknown[] = []) => (await db().raw(text, bindings)).rows;
    const send = (body: Record<string, unknown>, headers: Headers = as.manager) => settle(api.post("/admin/whatsapp/messages", { session_id: sessionId, ...body }, headers));
    const sentTo = (phone: string) => fake.sent.filter((m) => m.to === phone);
    const storedByKey = async (key: string) => (await sql(`SELECT * FROM whatsapp_message WHERE idempotency_key = ?`, [key]))[0];
    const templates = async () => (await api.get(`/admin/whatsapp/sessions/${sessionId}/templates`, as.technician)).data.templates as Array<Record<string, unknown>>;

    beforeAll(async () => {
      fake = await startFakeGraphApi({ appSecret: APP_SECRET, accessToken: TOKEN, phoneNumberId: PNID, wabaId: WABA, webhookUrl: `${api.defaults.baseURL}/webhooks/whatsapp/cloud` });
      process.env.WHATSAPP_GRAPH_URL = fake.url;
      as = await staffHeaders(getContainer());
      const created = await api.post("/admin/whatsapp/sessions", {
        name: "Meta (rules)", kind: "cloud_api", cloud: { phone_number_id: PNID, waba_id: WABA, access_token: TOKEN, app_secret: APP_SECRET, verify_token: VERIFY },
      }, as.owner);
      sessionId = created.data.session.id;
      simulatorId = (await api.post("/admin/whatsapp/sessions", { name: "Sim (rules)", kind: "simulator", paired: true }, as.owner)).data.session.id;
      await until(async () => (await api.get(`/admin/whatsapp/sessions/${sessionId}`, as.owner)).data.session.state, (s) => s === "open", "cloud session open", 20_000);
      // The account's templates: one approved with two parameters, one still in review.
      await fake.approveTemplate("pickup_ready", "ms", PICKUP_BODY, "UTILITY");
      await fake.approveTemplate("pickup_ready", "en", "Hi {{1}}, your phone ({{2}}) is ready for pickup.", "UTILITY");
      await fake.approveTemplate("promo_raya", "ms", "Promosi Raya {{1}}", "MARKETING");
      await fake.setTemplateStatus("promo_raya", "ms", "PENDING");
      await fake.idle();
      await api.post(`/admin/whatsapp/sessions/${sessionId}/templates/sync`, {}, as.manager);
      // Each test starts from the database as this hook leaves it: OPEN wrote a minute ago, STALE 25 hours ago.
      await fake.deliverInbound({ from: OPEN, text: "Bila telefon saya siap?" });
      await until(() => sql(`SELECT 1 FROM whatsapp_message WHERE session_id = ? AND phone = ? AND direction = 'in'`, [sessionId, OPEN]), (r) => r.length === 1, "inbound recorded");
      await sql(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, wa_message_id, created_at) VALUES ('wa_msg_rules_stale', ?, 'in', ?, 'Hai', 'delivered', 'wamid.STALE', now() - interval '25 hours')`, [sessionId, STALE]);
      await fake.idle();
    });

    afterAll(async () => {
      await fake?.close();
      delete process.env.WHATSAPP_GRAPH_URL;
    });

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    it("syncs the account's templates with name, language, category and status, for staff to read", async () => {
      const synced = await api.post(`/admin/whatsapp/sessions/${sessionId}/templates/sync`, {}, as.manager);
      expect(synced.status).toBe(200);
      const byKey = Object.fromEntries(synced.data.templates.map((t: Record<string, unknown>) => [`${t.name}|${t.language}`, t]));
      expect(byKey["pickup_ready|ms"]).toMatchObject({ category: "UTILITY", status: "APPROVED", param_count: 2, body_text: PICKUP_BODY, synced_at: expect.any(String) });
      expect(byKey["pickup_ready|en"]).toMatchObject({ status: "APPROVED", param_count: 2 });
      expect(byKey["promo_raya|ms"]).toMatchObject({ category: "MARKETING", status: "PENDING", param_count: 1 });
      expect(await templates()).toHaveLength(3);
      expect((await settle(api.get(`/admin/whatsapp/sessions/${sessionId}/templates`, as.cashier))).status).toBe(200);

      expect((await settle(api.post(`/admin/whatsapp/sessions/${sessionId}/templates/sync`, {}, as.technician))).status).toBe(403);
      const notCloud = await settle(api.post(`/admin/whatsapp/sessions/${simulatorId}/templates/sync`, {}, as.manager));
      expect(notCloud.status).toBe(400);
      expect(notCloud.data.message).toContain("session_id");
      expect((await settle(api.post(`/admin/whatsapp/sessions/wa_sess_nope/templates/sync`, {}, as.manager))).status).toBe(404);

      // A template gone from the account leaves the number's list on the next sync.
      fake.templates.delete("pickup_ready|en");
      await api.post(`/admin/whatsapp/sessions/${sessionId}/templates/sync`, {}, as.owner);
      expect((await templates()).map((t) => `${t.name}|${t.language}`).sort()).toEqual(["pickup_ready|ms", "promo_raya|ms"]);
      await fake.approveTemplate("pickup_ready", "en", "Hi {{1}}, your phone ({{2}}) is ready for pickup.", "UTILITY");
      await api.post(`/admin/whatsapp/sessions/${sessionId}/templates/sync`, {}, as.owner);

      // The 15-minute job reads what Meta decided meanwhile, for every Cloud API number.
      expect(templateSyncJob.config).toMatchObject({ name: "whatsapp-template-sync", schedule: "*/15 * * * *" });
      fake.templates.get("promo_raya|ms")!.status = "APPROVED";
      await templateSyncJob.default(getContainer());
      expect((await templates()).find((t) => t.name === "promo_raya")).toMatchObject({ status: "APPROVED" });
      fake.templates.get("promo_raya|ms")!.status = "PENDING";
    });

    it("free text goes inside the 24-hour window; outside it the answer is 422 and nothing is stored or sent", async () => {
      const inside = await send({ to: OPEN, body: "Telefon anda siap petang ini", idempotency_key: "rules:open:1" });
      expect(inside.status, JSON.stringify(inside.data)).toBe(201);
      const text = sentTo(OPEN).find((m) => m.text === "Telefon anda siap petang ini");
      expect(text).toMatchObject({ type: "text" });
      expect((await storedByKey("rules:open:1"))).toMatchObject({ template: null, wa_message_id: text!.wamid });

      // STALE wrote 25 hours ago: the window closed an hour ago.
      for (const [to, key] of [[NEVER, "rules:never:1"], [STALE, "rules:stale:1"]] as const) {
        const outside = await send({ to, body: "Telefon anda siap", idempotency_key: key, context: { kind: "staff" } });
        expect(outside.status).toBe(422);
        expect(outside.data).toMatchObject({
          type: "outside_service_window", field: "template",
          message: "It is more than 24 hours since this customer last wrote: WhatsApp only allows an approved template now",
        });
        expect(await storedByKey(key)).toBeUndefined();
        expect(sentTo(to)).toHaveLength(0);
      }
    });

    it("an approved template goes with its parameters; a wrong count or an unapproved template is 422 naming the field", async () => {
      const template = { name: "pickup_ready", language: "ms", params: ["Aisyah", "VSH-2026-000101"] };
      const sent = await send({ to: NEVER, template, idempotency_key: "rules:tpl:1", context: { kind: "reminder", ref: "job_1" } });
      expect(sent.status, JSON.stringify(sent.data)).toBe(201);
      expect(sent.data.message.body).toBe("Hai Aisyah, telefon anda (VSH-2026-000101) siap untuk diambil.");
      const atFake = sentTo(NEVER);
      expect(atFake).toHaveLength(1);
      expect(atFake[0]).toMatchObject({ type: "template", template: { name: "pickup_ready", language: "ms", bodyParams: ["Aisyah", "VSH-2026-000101"] } });
      expect(await storedByKey("rules:tpl:1")).toMatchObject({ template: { name: "pickup_ready", language: "ms", bodyParams: ["Aisyah", "VSH-2026-000101"] }, wa_message_id: atFake[0]!.wamid });
      // The same key again: the one message, nothing sent twice.
      const replay = await send({ to: NEVER, template, idempotency_key: "rules:tpl:1" });
      expect(replay.status).toBe(200);
      expect(replay.data.replayed).toBe(true);
      expect(sentTo(NEVER)).toHaveLength(1);

      const wrongCount = await send({ to: NEVER, template: { ...template, params: ["Aisyah"] }, idempotency_key: "rules:tpl:count" });
      expect(wrongCount.status).toBe(422);
      expect(wrongCount.data).toMatchObject({ type: "template_params", field: "template.params", message: expect.stringContaining("takes 2 parameters, 1 given") });
      const pending = await send({ to: NEVER, template: { name: "promo_raya", language: "ms", params: ["20%"] }, idempotency_key: "rules:tpl:pending" });
      expect(pending.status).toBe(422);
      expect(pending.data).toMatchObject({ type: "template_not_approved", field: "template.name", message: expect.stringContaining("PENDING") });
      const unknown = await send({ to: NEVER, template: { name: "no_such_template", language: "ms", params: [] }, idempotency_key: "rules:tpl:unknown" });
      expect(unknown.data).toMatchObject({ type: "template_not_approved", field: "template.name" });
      const badName = await send({ to: NEVER, template: { name: "Pickup Ready", language: "ms", params: [] }, idempotency_key: "rules:tpl:badname" });
      expect(badName.status).toBe(400);
      expect(badName.data.message).toContain("template.name");
      for (const key of ["rules:tpl:count", "rules:tpl:pending", "rules:tpl:unknown", "rules:tpl:badname"]) expect(await storedByKey(key)).toBeUndefined();
      expect(sentTo(NEVER)).toHaveLength(1);

      // A simulator number stands in anywhere: the template goes as text, nothing to approve.
      const simulated = await send({ session_id: simulatorId, to: NEVER, template, idempotency_key: "rules:tpl:sim" });
      expect(simulated.status, JSON.stringify(simulated.data)).toBe(201);
      expect(await storedByKey("rules:tpl:sim")).toMatchObject({ session_id: simulatorId, template: { name: "pickup_ready", bodyParams: ["Aisyah", "VSH-2026-000101"] } });

      // A customer who opted out still gets no reminder, template or not.
      await api.post("/admin/whatsapp/contacts/opt-out", { phone: STALE }, as.manager);
      const optedOut = await send({ to: STALE, template, idempotency_key: "rules:tpl:optout", context: { kind: "reminder" } });
      expect(optedOut.status).toBe(409);
      expect(optedOut.data.code).toBe("opted_out");
    });

    it("binds purposes to templates (audited), and a closed window falls back to the bound template", async () => {
      const binding = { purpose: "pickup_day1", session_id: sessionId, language: "ms", template_name: "pickup_ready", params: ["nama", "job_number"] };
      expect((await settle(api.put("/admin/whatsapp/template-bindings", binding, as.technician))).status).toBe(403);
      const wrongParams = await settle(api.put("/admin/whatsapp/template-bindings", { ...binding, params: ["nama"] }, as.manager));
      expect(wrongParams.status).toBe(400);
      expect(wrongParams.data.message).toContain("params");
      const unknown = await settle(api.put("/admin/whatsapp/template-bindings", { ...binding, template_name: "no_such_template" }, as.manager));
      expect(unknown.status).toBe(400);
      expect(unknown.data.message).toContain("template_name");
      const badPurpose = await settle(api.put("/admin/whatsapp/template-bindings", { ...binding, purpose: "birthday" }, as.manager));
      expect(badPurpose.status).toBe(400);
      expect(badPurpose.data.message).toContain("purpose");

      const bound = await api.put("/admin/whatsapp/template-bindings", binding, as.manager);
      expect(bound.data.bindings).toEqual([expect.objectContaining({ purpose: "pickup_day1", template_name: "pickup_ready", language: "ms", params: ["nama", "job_number"] })]);
      await api.put("/admin/whatsapp/template-bindings", { ...binding, language: "en" }, as.owner);
      const listed = (await api.get(`/admin/whatsapp/template-bindings?session_id=${sessionId}`, as.cashier)).data.bindings;
      expect(listed.map((b: { language: string }) => b.language)).toEqual(["en", "ms"]);
      const audit = await sql(`SELECT action, changes, metadata FROM audit_entry WHERE entity = 'whatsapp_template_binding' ORDER BY seq`);
      expect(audit.map((a) => a.action)).toEqual(["whatsapp.template_binding.set", "whatsapp.template_binding.set"]);
      expect(audit[0]).toMatchObject({ changes: { template_name: { before: null, after: "pickup_ready" } }, metadata: { purpose: "pickup_day1", language: "ms" } });

      const reminder = {
        to: "+60123457004", body: "Hai Aisyah, telefon anda siap untuk diambil.", template_purpose: "pickup_day1",
        variables: { nama: "Aisyah", job_number: "VSH-2026-000102", model: "iPhone 13" }, context: { kind: "reminder", ref: "job_2" },
      };
      const fallback = await send({ ...reminder, idempotency_key: "rules:purpose:closed" });
      expect(fallback.status, JSON.stringify(fallback.data)).toBe(201);
      expect(sentTo("+60123457004")).toEqual([expect.objectContaining({ type: "template", template: expect.objectContaining({ name: "pickup_ready", language: "ms", bodyParams: ["Aisyah", "VSH-2026-000102"] }) })]);
      // Inside the window the same request sends its text.
      const inside = await send({ ...reminder, to: OPEN, idempotency_key: "rules:purpose:open" });
      expect(inside.status).toBe(201);
      expect(sentTo(OPEN).at(-1)).toMatchObject({ type: "text", text: reminder.body });
      const missing = await send({ ...reminder, variables: { nama: "Aisyah" }, idempotency_key: "rules:purpose:missing" });
      expect(missing.data).toMatchObject({ type: "template_params", field: "variables.job_number" });
      const unbound = await send({ ...reminder, template_purpose: "pickup_day30", idempotency_key: "rules:purpose:unbound" });
      expect(unbound.data).toMatchObject({ type: "outside_service_window", field: "template", detail: expect.stringContaining("pickup_day30") });

      const removed = await api.put("/admin/whatsapp/template-bindings", { ...binding, language: "en", template_name: null }, as.manager);
      expect(removed.data.bindings.map((b: { language: string }) => b.language)).toEqual(["ms"]);
      expect((await sql(`SELECT action FROM audit_entry WHERE entity = 'whatsapp_template_binding' ORDER BY seq DESC LIMIT 1`))[0]!.action).toBe("whatsapp.template_binding.removed");
    });

    it("submits a template: 400 naming each field, stored PENDING, then approved by Meta's webhook or by a re-sync", async () => {
      const path = `/admin/whatsapp/sessions/${sessionId}/templates`;
      const good = { name: "quote_ready", language: "ms", category: "UTILITY", body_text: "Sebut harga {{1}}: RM{{2}}. Balas Setuju atau Tak Setuju.", body_examples: ["VSH-1", "120.00"] };
      for (const [field, bad] of [
        ["name", { name: "Quote Ready" }], ["language", { language: "malay" }], ["category", { category: "PROMO" }],
        ["body_text", { body_text: "" }], ["body_examples", { body_examples: ["VSH-1"] }],
      ] as const) {
        const refused = await settle(api.post(path, { ...good, ...bad }, as.manager));
        expect(refused.status, field).toBe(400);
        expect(refused.data.message, field).toContain(field);
      }
      expect((await settle(api.post(path, good, as.technician))).status).toBe(403);

      const submitted = await api.post(path, good, as.manager);
      expect(submitted.status).toBe(201);
      expect(submitted.data.template).toMatchObject({ name: "quote_ready", language: "ms", category: "UTILITY", status: "PENDING", param_count: 2 });
      expect(fake.templates.get("quote_ready|ms")).toMatchObject({ status: "PENDING", category: "UTILITY" });
      const again = await settle(api.post(path, good, as.manager));
      expect(again.status).toBe(409);
      expect(again.data.field).toBe("name");
      const audit = await sql(`SELECT metadata FROM audit_entry WHERE action = 'whatsapp.template.submitted'`);
      expect(audit).toEqual([{ metadata: expect.objectContaining({ name: "quote_ready", language: "ms", category: "UTILITY", session_id: sessionId }) }]);

      // Meta approves: its status webhook moves the stored template.
      await fake.approveTemplate("quote_ready", "ms");
      await until(templates, (list) => list.find((t) => t.name === "quote_ready")?.status === "APPROVED", "approved by webhook");
      const quoted = await send({ to: NEVER, template: { name: "quote_ready", language: "ms", params: ["VSH-1", "120.00"] }, idempotency_key: "rules:quote:1" });
      expect(quoted.status).toBe(201);

      // No webhook: the next sync reads the decision.
      await api.post(path, { ...good, name: "quote_reminder" }, as.owner);
      fake.templates.get("quote_reminder|ms")!.status = "REJECTED";
      fake.templates.get("quote_reminder|ms")!.rejectedReason = "INVALID_FORMAT";
      await api.post(`${path}/sync`, {}, as.manager);
      expect((await templates()).find((t) => t.name === "quote_reminder")).toMatchObject({ status: "REJECTED", rejected_reason: "INVALID_FORMAT" });
      fake.templates.get("quote_reminder|ms")!.status = "APPROVED";
      await api.post(`${path}/sync`, {}, as.manager);
      expect((await templates()).find((t) => t.name === "quote_reminder")).toMatchObject({ status: "APPROVED", rejected_reason: null });
    });

    it("shows the messaging limit tier, quality rating and customers reached in 24 h on the health answer", async () => {
      const health = async () => (await api.get("/admin/whatsapp/health", as.technician)).data.sessions.find((s: { id: string }) => s.id === sessionId).limits;
      const read = await until(health, (l) => Boolean(l.checked_at), "limits read on connect");
      expect(read).toMatchObject({ messaging_limit_tier: "TIER_250", quality_rating: "GREEN" });
      // Customers reached: OPEN (text in its window), two cold ones by template; a refused send counts nobody.
      const template = { name: "pickup_ready", language: "ms", params: ["Aisyah", "VSH-2026-000103"] };
      expect((await send({ to: OPEN, body: "Hai", idempotency_key: "rules:reach:1" })).status).toBe(201);
      expect((await send({ to: NEVER, template, idempotency_key: "rules:reach:2" })).status).toBe(201);
      expect((await send({ to: "+60123457005", template, idempotency_key: "rules:reach:3" })).status).toBe(201);
      expect((await send({ to: "+60123457006", body: "Hai", idempotency_key: "rules:reach:4" })).status).toBe(422);
      // Meta announces a tier change and a flag (RED) by webhook; YELLOW is read from the number's health.
      await fake.setTier("TIER_10K");
      await fake.setQuality("RED");
      const limits = await until(health, (l) => l.messaging_limit_tier === "TIER_10K" && l.quality_rating === "RED", "tier and quality");
      expect(limits.unique_users_24h).toBe(3);
      const simulatorLimits = (await api.get("/admin/whatsapp/health", as.manager)).data.sessions.find((s: { id: string }) => s.id === simulatorId).limits;
      expect(simulatorLimits).toMatchObject({ messaging_limit_tier: null, quality_rating: null, unique_users_24h: null });
      // The session list and the session itself answer the same count.
      const listed = (await api.get("/admin/whatsapp/sessions", as.technician)).data.sessions.find((s: { id: string }) => s.id === sessionId);
      expect(listed.limits.unique_users_24h).toBe(3);
      expect((await api.get(`/admin/whatsapp/sessions/${sessionId}`, as.technician)).data.session.limits.unique_users_24h).toBe(3);
    });

    it("finds the last inbound message and the customers reached by index, on a seeded log (no Seq Scan)", async () => {
      await sql(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, created_at)
        SELECT 'wa_msg_seed_' || g, 'wa_sess_seed_' || (g % 4), CASE WHEN g % 3 = 0 THEN 'in' ELSE 'out' END,
          '+6012' || lpad((g % 5000)::text, 7, '0'), 'seed', CASE WHEN g % 3 = 0 THEN 'delivered' WHEN g % 10 = 1 THEN 'failed' ELSE 'sent' END,
          now() - (g % 2000) * interval '1 minute' - (g / 2000) * interval '1 day'
        FROM generate_series(1, 24000) g`);
      await sql(`ANALYZE whatsapp_message`);
      const explain = async (text: string, bindings: unknown[]) => {
        const [explained] = await sql(`EXPLAIN (FORMAT JSON) ${text}`, bindings);
        return planNodes((explained!["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan);
      };
      const phone = "+60120000003";
      for (const [text, bindings, index] of [
        [templateSql.LAST_INBOUND_SQL, ["wa_sess_seed_3", phone], "IDX_whatsapp_message_inbound_session_phone_created"],
        [templateSql.UNIQUE_USERS_24H_SQL, [["wa_sess_seed_1", "wa_sess_seed_2"]], "IDX_whatsapp_message_outbound_session_created_phone"],
      ] as const) {
        const nodes = await explain(text, [...bindings]);
        const described = nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`).join(" > ");
        expect(nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "whatsapp_message"), described).toHaveLength(0);
        expect(nodes.some((n) => n["Index Name"] === index), described).toBe(true);
      }

      const newest = await sql(`SELECT max(created_at) AS at FROM whatsapp_message WHERE session_id = 'wa_sess_seed_3' AND phone = ? AND direction = 'in'`, [phone]);
      expect((await templateSql.lastInboundAt(db(), "wa_sess_seed_3", phone))?.toISOString()).toBe(new Date(newest[0]!.at as string).toISOString());
      expect(await templateSql.lastInboundAt(db(), "wa_sess_seed_3", "+60199999999")).toBeNull();
      const expected = await sql(`SELECT session_id, count(DISTINCT phone)::int AS n FROM whatsapp_message WHERE session_id IN ('wa_sess_seed_1', 'wa_sess_seed_2')
        AND direction = 'out' AND status <> 'failed' AND created_at > now() - interval '24 hours' GROUP BY session_id ORDER BY session_id`);
      const counted = await templateSql.uniqueUsers24h(db(), ["wa_sess_seed_1", "wa_sess_seed_2", "wa_sess_none"]);
      expect([...counted.entries()].sort()).toEqual(expected.map((r) => [r.session_id, r.n]));
      expect(counted.get("wa_sess_seed_1")).toBeGreaterThan(100);
    });
  },
});
