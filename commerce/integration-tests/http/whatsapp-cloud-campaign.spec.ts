import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { startFakeGraphApi } from "@voltura/whatsapp-transport/testing";
import { listCandidatesSql } from "@voltura/plugin-campaigns/domain/audience-sql";
import { freezeRecipientsSql, routeCountsSql } from "@voltura/plugin-campaigns/domain/freeze-sql";
import { uniqueUsersSql } from "@voltura/plugin-campaigns/modules/campaign-dispatch/senders/sender-row";
import { authHeaders } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";
import { boot, until } from "./whatsapp-helpers";
import { planNodes, type PlanNode } from "./plans";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const pg = (c: MedusaContainer) => c.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
async function plan(c: MedusaContainer, statement: { sql: string; bindings: unknown[] }) {
  const [explained] = (await pg(c).raw(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings)).rows;
  const nodes = planNodes((explained!["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan);
  return {
    messageSeqScans: nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "whatsapp_message").length,
    indexes: nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])),
    described: nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`.trim()).join(" > "),
  };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const APP_SECRET = "cloud-campaign-app-secret";
const ACCESS_TOKEN = "EAAG-cloud-campaign-token";
const PHONE_NUMBER_ID = "109876543210";
const WABA_ID = "209876543210";
const TEMPLATE = { name: "promo_skrin_dec", language: "ms", body: "Salam {{1}}, diskaun skrin bulan ini di {{2}}! Balas STOP untuk berhenti." };

/** The sender policy at its minimum: 1 s gaps, no extra pauses, any hour of any day (campaigns-dispatch uses the same). */
const MIN_POLICY = {
  gap_min_seconds: 1, gap_max_seconds: 1, extra_pause_every: 0, window_start: "00:00", window_end: "23:59",
  weekend_days: [], holidays: [], daily_cap: 1000, warmup_days: 0,
};

const phoneOf = (n: number) => `+6013${String(5_000_000 + n).padStart(7, "0")}`;
/** 1–20 wrote within 24 h (window open), 21–35 chatted 10 days ago (recent chat): warm. The rest are cold. */
const WARM = new Set(Array.from({ length: 35 }, (_, i) => phoneOf(i + 1)));
const ALL = Array.from({ length: 100 }, (_, i) => phoneOf(i + 1));
const COLD = new Set(ALL.filter((p) => !WARM.has(p)));

type Decision =
  | { action: "send"; recipient_id: string; session_id: string; to: string; body: string; idempotency_key: string; template: { name: string; language: string; params: string[] } | null }
  | { action: "wait"; until: string; reason: string }
  | { action: "idle" };

async function warmUp(c: MedusaContainer, sessionId: string) {
  const insert = (id: string, phone: string, direction: "in" | "out", daysAgo: number, kind: string | null) =>
    pg(c).raw(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, context_kind, send_attempts, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'hai', 'delivered', ?, 0, now() - ?::float8 * interval '1 day', now())`, [id, sessionId, direction, phone, kind, daysAgo]);
  for (let n = 1; n <= 20; n++) await insert(`wa_msg_win_${n}`, phoneOf(n), "in", 0.1, null);
  for (let n = 21; n <= 35; n++) await insert(`wa_msg_chat_${n}`, phoneOf(n), "out", 10, "staff");
  // Still cold: only our own campaign message three days ago, or a chat long ago.
  for (let n = 36; n <= 40; n++) await insert(`wa_msg_blast_${n}`, phoneOf(n), "out", 3, "campaign");
  for (let n = 41; n <= 45; n++) await insert(`wa_msg_old_${n}`, phoneOf(n), "in", 45, null);
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_cloud_campaign",
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer();

    it("sends 100 recipients split by auto routing exactly once each, and statuses come back through signed webhooks", async () => {
      const owner: Headers = (await staff(c(), "owner", "Olivia Owner")).headers;
      const manager: Headers = (await staff(c(), "manager", "Maya Manager")).headers;
      const system = await authHeaders("system:campaign-pacer", "system");
      const webhookUrl = `${String(api.defaults.baseURL).replace(/\/+$/, "")}/webhooks/whatsapp/cloud`;
      const fake = await startFakeGraphApi({ appSecret: APP_SECRET, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, webhookUrl });
      process.env.WHATSAPP_GRAPH_URL = fake.url;
      try {
        // The chat number (the simulator stands in for Baileys) and the Cloud API number on the fake Graph API.
        const simId = (await api.post("/admin/whatsapp/sessions", { name: "Kedai (chat)", kind: "simulator", paired: true }, owner)).data.session.id as string;
        const cloudId = (await api.post("/admin/whatsapp/sessions", {
          name: "Kedai (Cloud API)", kind: "cloud_api",
          cloud: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: ACCESS_TOKEN, app_secret: APP_SECRET, verify_token: "verify-token-123" },
        }, owner)).data.session.id as string;
        const supervisor = await boot.ensureSupervisor(c());
        const sessionState = async (id: string) => ((await api.get("/admin/whatsapp/sessions", manager)).data.sessions as Array<{ id: string; state: string }>).find((s) => s.id === id)?.state;
        await until(() => sessionState(cloudId), (s) => s === "open", "the Cloud API number to open", 20_000);
        await until(() => sessionState(simId), (s) => s === "open", "the chat number to open", 20_000);

        // The template: submitted for review, approved by Meta (the fake), synced back as APPROVED.
        await api.post(`/admin/whatsapp/sessions/${cloudId}/templates`, {
          name: TEMPLATE.name, language: TEMPLATE.language, category: "MARKETING", body_text: TEMPLATE.body, body_examples: ["Aminah", "Voltura"],
        }, owner);
        await fake.approveTemplate(TEMPLATE.name, TEMPLATE.language, TEMPLATE.body);
        await api.post(`/admin/whatsapp/sessions/${cloudId}/templates/sync`, {}, owner);

        await warmUp(c(), simId);
        const campaign = (await api.post("/admin/campaigns/plans", {
          name: "Diskaun skrin (auto)", session_ids: [simId], routing: "auto",
          cloud_template: { session_id: cloudId, name: TEMPLATE.name, language: TEMPLATE.language, params: ["nama", "shop_name"] },
          template_ms: "Hai {nama}, diskaun skrin bulan ini! {optout_link}", audience: { mode: "list" },
        }, manager)).data.campaign;
        expect(campaign).toMatchObject({ routing: "auto", recent_chat_days: 30, cloud_template: { session_id: cloudId } });
        const csv = ["phone,nama", ...ALL.map((p, i) => `${p},Pelanggan ${i + 1}`)].join("\n");
        expect((await api.post(`/admin/campaigns/${campaign.id}/audience/import`, { csv }, manager)).data.accepted).toBe(100);

        const coldPreview = (await api.post(`/admin/campaigns/${campaign.id}/preview`, { phone: phoneOf(90) }, manager)).data;
        expect(coldPreview).toMatchObject({ route: "template", template: { name: TEMPLATE.name, params: ["Pelanggan 90", expect.any(String)] }, route_counts: { chat: WARM.size, template: COLD.size } });
        expect((await api.post(`/admin/campaigns/${campaign.id}/preview`, { phone: phoneOf(3) }, manager)).data.route).toBe("chat");

        for (const id of [simId, cloudId]) await api.patch(`/admin/campaigns/senders/${id}`, MIN_POLICY, manager);
        await api.post(`/admin/campaigns/${campaign.id}/launch`, {}, owner).catch((e: { response?: { data?: unknown } }) => {
          throw new Error(`launch refused: ${JSON.stringify(e.response?.data)}`);
        });

        // The split is decided once, at launch: warm → the chat number, cold → the Cloud API template.
        const frozen = (await pg(c()).raw(`SELECT phone, route, session_id, status FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id])).rows;
        expect(frozen).toHaveLength(100);
        for (const r of frozen) {
          const warm = WARM.has(String(r.phone));
          expect({ phone: r.phone, route: r.route, session_id: r.session_id, status: r.status })
            .toEqual({ phone: r.phone, route: warm ? "chat" : "template", session_id: warm ? simId : cloudId, status: "queued" });
        }

        // The pacer's loop for both numbers: ask the gate, send what it claims, record it; obey its waits.
        const sendAll = async () => {
          const active = new Set([simId, cloudId]);
          const notBefore = new Map<string, number>();
          let sends = 0;
          while (active.size) {
            for (const sessionId of [...active]) {
              if ((notBefore.get(sessionId) ?? 0) > Date.now()) continue;
              const decision = (await api.post("/admin/campaigns/dispatch/next", { session_id: sessionId }, system)).data as Decision;
              if (decision.action === "idle") active.delete(sessionId);
              else if (decision.action === "wait") {
                expect(decision.reason).toBe("gap");
                notBefore.set(sessionId, Date.parse(decision.until));
              } else {
                expect(Boolean(decision.template)).toBe(sessionId === cloudId);
                const sent = (await api.post("/admin/whatsapp/messages", {
                  to: decision.to, body: decision.body, session_id: sessionId, idempotency_key: decision.idempotency_key,
                  context: { kind: "campaign", ref: decision.recipient_id }, ...(decision.template ? { template: decision.template } : {}),
                }, system)).data.message;
                await api.post("/admin/campaigns/dispatch/sent", { recipient_id: decision.recipient_id, message_id: sent.id, status: "sent" }, system);
                sends++;
              }
            }
            const soonest = Math.min(...[...active].map((id) => notBefore.get(id) ?? 0));
            if (active.size && soonest > Date.now()) await sleep(Math.min(soonest - Date.now() + 5, 1_500));
          }
          return sends;
        };
        expect(await sendAll()).toBe(100);

        // Exactly once each, on the right transport: the fake's sent log holds the cold ones as templates, the simulator the warm ones.
        const cloudSends = fake.sent.filter((m) => m.type === "template");
        expect(fake.sent).toHaveLength(COLD.size);
        expect(new Set(cloudSends.map((m) => m.to))).toEqual(COLD);
        expect(cloudSends.every((m) => m.template?.name === TEMPLATE.name && m.template.bodyParams.length === 2 && /^Pelanggan \d+$/.test(m.template.bodyParams[0]!))).toBe(true);
        const chatSends = supervisor.simulator(simId)!.sentMessages();
        expect(chatSends).toHaveLength(WARM.size);
        expect(new Set(chatSends.map((m) => m.to))).toEqual(WARM);

        // Statuses flow back through the signed webhooks (sent, then delivered); a read lands too.
        const recipients = async () => (await pg(c()).raw(`SELECT phone, status FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id])).rows;
        await until(recipients, (rs) => rs.filter((r) => COLD.has(String(r.phone))).every((r) => r.status === "delivered"), "delivered webhooks for every cold recipient", 30_000)
          .catch(async (error: unknown) => {
            const stuck = (await pg(c()).raw(`SELECT r.phone, r.status, m.status AS message_status, m.wa_message_id,
                (SELECT json_agg(b.*) FROM whatsapp_status_backlog b WHERE b.wa_message_id = m.wa_message_id OR b.correlation_id = m.id) AS parked
              FROM campaign_recipient r JOIN whatsapp_message m ON m.id = r.message_id WHERE r.campaign_id = ? AND r.route = 'template' AND r.status <> 'delivered'`, [campaign.id])).rows;
            throw new Error(`${String(error)}\nstuck: ${JSON.stringify(stuck)}`);
          });
        const readOnes = cloudSends.slice(0, 5);
        for (const m of readOnes) await fake.deliverStatus(m.wamid, "read");
        await until(recipients, (rs) => readOnes.every((m) => rs.find((r) => r.phone === m.to)?.status === "read"), "read webhooks", 15_000);
        const counts = (await pg(c()).raw(`SELECT status, count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? GROUP BY status`, [campaign.id])).rows;
        expect(Object.fromEntries(counts.map((r) => [r.status, r.n]))).toEqual({ sent: WARM.size, delivered: COLD.size - 5, read: 5 });
        const listed = (await api.get(`/admin/campaigns/${campaign.id}/recipients?limit=200`, manager)).data.recipients as Array<{ phone: string; route: string }>;
        expect(listed.filter((r) => r.route === "template").map((r) => r.phone).sort()).toEqual([...COLD].sort());

        // Running the loop again sends nothing twice: every number is idle, both logs unchanged.
        expect(await sendAll()).toBe(0);
        const replay = await api.post("/admin/whatsapp/messages", {
          to: cloudSends[0]!.to, body: "again", session_id: cloudId, idempotency_key: (await pg(c()).raw(`SELECT idempotency_key FROM campaign_recipient WHERE phone = ? AND campaign_id = ?`, [cloudSends[0]!.to, campaign.id])).rows[0]!.idempotency_key,
          context: { kind: "campaign" }, template: { name: TEMPLATE.name, language: TEMPLATE.language, params: ["x", "y"] },
        }, system);
        expect(replay.status).toBe(200);
        expect(fake.sent).toHaveLength(COLD.size);
        expect(supervisor.simulator(simId)!.sentMessages()).toHaveLength(WARM.size);
      } finally {
        delete process.env.WHATSAPP_GRAPH_URL;
        await fake.close();
      }
    }, 240_000);

    it("without a template, cold contacts are skipped (no_template_route), never sent from the chat number", async () => {
      const owner: Headers = (await staff(c(), "owner", "Olivia Owner")).headers;
      const simId = (await api.post("/admin/whatsapp/sessions", { name: "Kedai (chat only)", kind: "simulator", paired: true }, owner)).data.session.id as string;
      await warmUp(c(), simId);
      const campaign = (await api.post("/admin/campaigns/plans", {
        name: "Chat only (auto)", session_ids: [simId], routing: "auto", template_ms: "Hai {nama}!", audience: { mode: "list" },
      }, owner)).data.campaign;
      const csv = ["phone,nama", ...ALL.slice(0, 50).map((p, i) => `${p},Pelanggan ${i + 1}`)].join("\n");
      await api.post(`/admin/campaigns/${campaign.id}/audience/import`, { csv }, owner);
      await api.post(`/admin/campaigns/${campaign.id}/launch`, {}, owner);
      const rows = (await pg(c()).raw(`SELECT phone, route, status, reason, session_id FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id])).rows;
      expect(rows.filter((r) => r.status === "queued").every((r) => WARM.has(String(r.phone)) && r.route === "chat" && r.session_id === simId)).toBe(true);
      expect(rows.filter((r) => r.status === "queued")).toHaveLength(35);
      expect(rows.filter((r) => r.status === "skipped").every((r) => r.reason === "no_template_route" && r.session_id === null && r.route === null)).toBe(true);
      expect(rows.filter((r) => r.status === "skipped")).toHaveLength(15);

      // A template on a chat number is refused, naming the field.
      const refused = await api.post(`/admin/campaigns/plans/${campaign.id}`, { cloud_template: { session_id: simId, name: "x", language: "ms", params: [] } }, owner).catch((e: { response: { status: number; data: { message: string } } }) => e.response);
      expect(refused.status).toBe(400);
      expect(refused.data.message).toMatch(/cloud_template\.session_id/);
      const bad = await api.post("/admin/campaigns/plans", { name: "Bad", routing: "sometimes" }, owner).catch((e: { response: { status: number; data: { message: string } } }) => e.response);
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/routing/);
    });

    it("finds warm contacts and a number's reach through the message log's indexes (no Seq Scan)", async () => {
      await pg(c()).raw(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, context_kind, send_attempts, created_at, updated_at)
        SELECT 'wa_msg_bulk_' || g, CASE WHEN g % 3 = 0 THEN 'wa_sess_cloud' ELSE 'wa_sess_chat' END, CASE WHEN g % 2 = 0 THEN 'in' ELSE 'out' END,
          '+6014' || lpad((g % 5000)::text, 7, '0'), 'x', 'delivered', CASE WHEN g % 4 = 1 THEN 'campaign' END, 0,
          now() - (g % 1440) * interval '1 hour', now() FROM generate_series(1, 20000) g`);
      await pg(c()).raw(`INSERT INTO campaign_list_entry (id, campaign_id, phone, name, "values", line, created_at, updated_at)
        SELECT 'cle_explain_' || g, 'camp_explain', '+6014' || lpad((g * 7)::text, 7, '0'), 'P ' || g, '{}'::jsonb, g, now(), now() FROM generate_series(1, 300) g`);
      await pg(c()).raw(`ANALYZE whatsapp_message`);
      await pg(c()).raw(`ANALYZE campaign_list_entry`);
      const routing = { routing: "auto" as const, chatSessionIds: ["wa_sess_chat"], templateSessionId: "wa_sess_cloud" };
      const now = new Date();
      const freeze = await plan(c(), freezeRecipientsSql(listCandidatesSql("camp_explain"), { campaignId: "camp_explain", runNo: 1, plan: routing, recentChatDays: 30, now, shopName: "Shop" }));
      expect(freeze.messageSeqScans, freeze.described).toBe(0);
      expect(freeze.indexes.some((i) => i.startsWith("IDX_whatsapp_message_phone_created_at")), freeze.described).toBe(true);
      const split = await plan(c(), routeCountsSql(listCandidatesSql("camp_explain"), routing, 30, now));
      expect(split.messageSeqScans, split.described).toBe(0);
      const reach = await plan(c(), uniqueUsersSql("wa_sess_cloud", now));
      expect(reach.messageSeqScans, reach.described).toBe(0);

      // And they count right: the split of the 300 listed phones, and the distinct phones the number wrote to in 24 h.
      const [counted] = (await pg(c()).raw(routeCountsSql(listCandidatesSql("camp_explain"), routing, 30, now).sql, routeCountsSql(listCandidatesSql("camp_explain"), routing, 30, now).bindings)).rows;
      const [expected] = (await pg(c()).raw(`SELECT count(*) FILTER (WHERE warm)::int AS chat, count(*) FILTER (WHERE NOT warm)::int AS template FROM (
          SELECT EXISTS (SELECT 1 FROM whatsapp_message m WHERE m.phone = e.phone AND m.created_at > now() - interval '30 days'
            AND (m.direction = 'in' OR m.context_kind IS DISTINCT FROM 'campaign')) AS warm
          FROM campaign_list_entry e WHERE e.campaign_id = 'camp_explain') x`)).rows;
      expect(counted).toEqual(expected);
      expect(Number(expected!.chat)).toBeGreaterThan(0);
      expect(Number(expected!.template)).toBeGreaterThan(0);
      const reached = (await pg(c()).raw(uniqueUsersSql("wa_sess_cloud", now).sql, uniqueUsersSql("wa_sess_cloud", now).bindings)).rows[0]!.n;
      const [truth] = (await pg(c()).raw(`SELECT count(DISTINCT phone)::int AS n FROM whatsapp_message WHERE session_id = 'wa_sess_cloud' AND direction = 'out'
        AND created_at > now() - interval '24 hours'`)).rows;
      expect(reached).toBe(truth!.n);
    });
  },
});
