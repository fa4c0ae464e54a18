import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { JWT_SECRET, settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { seedCampaigns } from "../../src/scripts/seed/campaigns";

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
const optOut = requireCjs("@voltura/plugin-campaigns/domain/opt-out-token") as typeof import("@voltura/plugin-campaigns/domain/opt-out-token");
const sweep = requireCjs("@voltura/plugin-campaigns/modules/campaigns/planner/schedule-sweep") as typeof import("@voltura/plugin-campaigns/modules/campaigns/planner/schedule-sweep");
const reads = requireCjs("@voltura/plugin-campaigns/modules/campaigns/planner/campaign-read") as typeof import("@voltura/plugin-campaigns/modules/campaigns/planner/campaign-read");

const TAG = "it-camp";
const PHONES = { ali: "+60121110001", bala: "+60121110002", chong: "+60121110003", devi: "+60121110004", eve: "+60121110005", fong: "+60121110006" };

medusaIntegrationTestRunner({
  dbName: "voltura_it_campaigns_planner",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let sessionId: string;
    const customers: Record<string, string> = {};
    const sql = async (text: string, bindings: Array<string | number | boolean | null | Date | string[] | number[]> = []) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are asserted field by field
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows as Record<string, any>[];

    beforeAll(async () => {
      as = await staffHeaders(getContainer());
      sessionId = (await api.post("/admin/whatsapp/sessions", { name: "Promo (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
      // Six people tagged it-camp: two reachable, one opted out, one blacklisted, one invalid number, one duplicate of Ali's number.
      for (const [key, phone] of Object.entries(PHONES)) {
        const r = await api.post("/admin/crm/customers", { name: `${key[0]!.toUpperCase()}${key.slice(1)} Test`, phone, tags: [TAG] }, as.manager);
        customers[key] = r.data.customer.id;
      }
      customers.gail = (await api.post("/admin/crm/customers", { name: "Gail Untagged", phone: "+60121110007" }, as.manager)).data.customer.id;
      await api.post(`/admin/crm/customers/${customers.ali}/devices`, { device_type: "phone", brand: "Samsung", model: "Galaxy S23" }, as.manager);
      await api.post("/admin/whatsapp/contacts/opt-out", { phone: PHONES.chong }, as.manager);
      await api.post("/admin/campaigns/blacklist", { phone: PHONES.devi, reason: "asked by phone" }, as.manager);
      await sql(`UPDATE customer SET phone = '12345' WHERE id = ?`, [customers.eve]);
      await sql(`UPDATE customer SET phone = ? WHERE id = ?`, [PHONES.ali, customers.fong]);
    });

    const count = async (filter: object) => (await api.get(`/admin/campaigns/audience/count?filter=${encodeURIComponent(JSON.stringify(filter))}`, as.manager)).data;
    const draft = async (overrides: Record<string, unknown> = {}) =>
      (await api.post("/admin/campaigns/plans", {
        name: "Promo Raya", session_ids: [sessionId], template_ms: "Hai {nama}, {model} anda. {optout_link}",
        template_en: "Hi {nama}, your {model}.", fallbacks: { model: "peranti" }, audience: { mode: "filter", filter: { tags: [TAG] }, freeze_at_launch: true },
        ...overrides,
      }, as.manager)).data.campaign;

    it("counts the audience live, with who is left out and why", async () => {
      expect(await count({ tags: [TAG] })).toEqual({ matched: 6, eligible: 2, excluded: { opted_out: 1, blacklisted: 1, invalid_phone: 1, duplicate_phone: 1 } });
      expect(await count({ tags: [TAG], device_types: ["phone"], brands: ["SAMSUNG"] })).toMatchObject({ matched: 1, eligible: 1 });
      expect((await count({})).matched).toBe(7);
      const notJson = await settle(api.get("/admin/campaigns/audience/count?filter=%7Bnope", as.manager));
      expect(notJson.status).toBe(400);
      expect(notJson.data.message).toContain("filter");
      const negative = await settle(api.get(`/admin/campaigns/audience/count?filter=${encodeURIComponent(JSON.stringify({ spent_above_sen: -1 }))}`, as.manager));
      expect(negative.status).toBe(400);
      expect(negative.data.message).toContain("filter.spent_above_sen");
    });

    it("previews for a chosen person with every variable filled, and lists what is missing across the audience", async () => {
      const campaign = await draft();
      const ali = (await api.post(`/admin/campaigns/${campaign.id}/preview`, { customer_id: customers.ali }, as.manager)).data;
      expect(ali.text).toMatch(/^Hai Ali Test, Samsung Galaxy S23 anda\. http:\/\/\S+\/optout\/[\w-]+\.[\w-]+$/);
      expect(ali.missing).toEqual([]);
      expect(ali.audience_size).toBe(2);
      expect(ali.audience_missing).toEqual([{ variable: "model", count: 1, fallback: "peranti" }]);
      const bala = (await api.post(`/admin/campaigns/${campaign.id}/preview`, { customer_id: customers.bala, language: "en" }, as.manager)).data;
      expect(bala).toMatchObject({ language: "en", text: "Hi Bala Test, your peranti.", missing: ["model"] });
      expect(bala.html).toContain("Hi Bala Test");
      const unknown = await settle(api.post(`/admin/campaigns/${campaign.id}/preview`, { customer_id: "cus_nope" }, as.manager));
      expect(unknown.status).toBe(400);
      expect(unknown.data.message).toContain("customer_id");
    });

    it("imports a CSV audience and reports each rejected row with its reason", async () => {
      const campaign = await draft({ name: "List promo" });
      const csv = "phone,name,kod\n0121110001,Ali,A1\n12-34,Bad,B\n012-111 0001,Dup,C\n,NoPhone,D\n+60121110009,Zed,E\n";
      const r = (await api.post(`/admin/campaigns/${campaign.id}/audience/import`, { csv }, as.manager)).data;
      expect(r.accepted).toBe(2);
      expect(r.list_entries).toBe(2);
      expect(r.columns).toEqual(["name", "kod"]);
      expect(r.rejected.map((x: { line: number }) => x.line)).toEqual([3, 4, 5]);
      expect(r.rejected.every((x: { reason: string }) => x.reason.length > 3)).toBe(true);
      expect((await api.get(`/admin/campaigns/audience/count?campaign_id=${campaign.id}`, as.manager)).data).toMatchObject({ matched: 2, eligible: 2 });
      const detail = (await api.get(`/admin/campaigns/plans/${campaign.id}`, as.manager)).data;
      expect(detail.campaign.audience).toEqual({ mode: "list" });
    });

    it("launch freezes every recipient in one go, with exact counts, keys and senders", async () => {
      const campaign = await draft({ name: "Frozen" });
      const launched = (await api.post(`/admin/campaigns/${campaign.id}/launch`, {}, as.owner)).data;
      expect(launched.campaign).toMatchObject({ status: "running", run_no: 1 });
      expect(launched.run).toEqual({ run_no: 1, counts: { queued: 2, skipped: 4 } });
      expect(launched.campaign.counts).toMatchObject({ total: 6, queued: 2, skipped: 4 });
      const rows = await sql(`SELECT customer_id, status, reason, idempotency_key, session_id, language, "values" FROM campaign_recipient WHERE campaign_id = ? ORDER BY id`, [campaign.id]);
      const byCustomer = Object.fromEntries(rows.map((r) => [r.customer_id, r]));
      expect(byCustomer[customers.ali!]).toMatchObject({ status: "queued", reason: null, idempotency_key: `campaign:${campaign.id}:${customers.ali}`, session_id: sessionId, language: "ms" });
      expect(byCustomer[customers.ali!].values).toMatchObject({ nama: "Ali Test", model: "Samsung Galaxy S23" });
      expect(byCustomer[customers.bala!]).toMatchObject({ status: "queued", session_id: sessionId });
      expect(byCustomer[customers.chong!]).toMatchObject({ status: "skipped", reason: "opted_out", session_id: null });
      expect(byCustomer[customers.devi!]).toMatchObject({ status: "skipped", reason: "blacklisted" });
      expect(byCustomer[customers.eve!]).toMatchObject({ status: "skipped", reason: "invalid_phone" });
      expect(byCustomer[customers.fong!]).toMatchObject({ status: "skipped", reason: "duplicate_phone" });
      const again = await settle(api.post(`/admin/campaigns/${campaign.id}/launch`, {}, as.owner));
      expect(again.status).toBe(409);
      expect(again.data.type).toBe("campaign_transition_refused");
      expect((await sql(`SELECT count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id]))[0]!.n).toBe(6);
      const running = (await api.get("/admin/campaigns/plans?status=running", as.manager)).data;
      expect(running.campaigns.find((c: { id: string }) => c.id === campaign.id)?.counts).toMatchObject({ total: 6, queued: 2 });
      expect(running.status_counts.running).toBeGreaterThanOrEqual(1);
      const other = await draft({ name: "Second in the list" });
      const first = (await api.get("/admin/campaigns/plans?limit=1", as.manager)).data;
      expect(first.campaigns[0].id).toBe(other.id);
      const second = (await api.get(`/admin/campaigns/plans?limit=1&before=${encodeURIComponent(first.next_cursor)}`, as.manager)).data;
      expect(first.campaigns).toHaveLength(1);
      expect(second.campaigns[0].id).not.toBe(first.campaigns[0].id);
      expect(second.campaigns[0].created_at <= first.campaigns[0].created_at).toBe(true);
    });

    it("moves through the lifecycle, refuses what the table forbids with 409, and records who did each step", async () => {
      const campaign = await draft({ name: "Lifecycle" });
      await api.post(`/admin/campaigns/${campaign.id}/launch`, {}, as.manager);
      expect((await api.post(`/admin/campaigns/${campaign.id}/pause`, { reason: "shop closed" }, as.manager)).data.campaign.status).toBe("paused");
      const twice = await settle(api.post(`/admin/campaigns/${campaign.id}/pause`, {}, as.manager));
      expect(twice.status).toBe(409);
      expect(twice.data).toMatchObject({ type: "campaign_transition_refused", status: "paused", allowed: ["resume", "cancel"] });
      const reaudience = await settle(api.post(`/admin/campaigns/plans/${campaign.id}`, { audience: { mode: "list" } }, as.manager));
      expect(reaudience.status).toBe(409);
      expect(reaudience.data.type).toBe("campaign_not_editable");
      expect((await api.post(`/admin/campaigns/plans/${campaign.id}`, { name: "Lifecycle (renamed)" }, as.manager)).data.campaign.name).toBe("Lifecycle (renamed)");
      expect((await api.post(`/admin/campaigns/${campaign.id}/resume`, {}, as.manager)).data.campaign.status).toBe("running");
      const deleteRunning = await settle(api.delete(`/admin/campaigns/plans/${campaign.id}`, as.manager));
      expect(deleteRunning.status).toBe(409);
      expect(deleteRunning.data.type).toBe("campaign_not_draft");
      expect((await api.post(`/admin/campaigns/${campaign.id}/cancel`, { reason: "wrong text" }, as.owner)).data.campaign.status).toBe("cancelled");
      const counts = await sql(`SELECT status, reason, count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? GROUP BY 1, 2 ORDER BY 1, 2`, [campaign.id]);
      expect(counts.find((c) => c.reason === "campaign_cancelled")?.n).toBe(2);
      const detail = (await api.get(`/admin/campaigns/plans/${campaign.id}`, as.manager)).data;
      expect(detail.events.map((e: { action: string }) => e.action)).toEqual(["create", "launch", "pause", "edit", "resume", "cancel"]);
      expect(detail.events.every((e: { actor_name: string }) => /^Test (owner|manager)$/.test(e.actor_name))).toBe(true);
      expect(detail.events.find((e: { action: string }) => e.action === "pause")).toMatchObject({ from_status: "running", to_status: "paused", reason: "shop closed" });
      const audit = await sql(`SELECT action, actor_name FROM audit_entry WHERE entity_id = ? ORDER BY created_at`, [campaign.id]);
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["campaign.create", "campaign.launch", "campaign.pause", "campaign.update", "campaign.resume", "campaign.cancel"]));
      const deleted = await draft({ name: "Throwaway" });
      expect((await api.delete(`/admin/campaigns/plans/${deleted.id}`, as.manager)).data.campaign.status).toBe("cancelled");
    });

    it("holds a missed schedule for confirmation instead of firing late", async () => {
      const at = new Date(Date.now() + 3_600_000).toISOString();
      const campaign = await draft({ name: "Scheduled", schedule: { kind: "at", at }, stale_after_minutes: 30 });
      expect((await api.post(`/admin/campaigns/${campaign.id}/schedule`, {}, as.manager)).data.campaign).toMatchObject({ status: "scheduled", next_run_at: at });
      await sql(`UPDATE campaign SET next_run_at = now() - interval '2 hours' WHERE id = ?`, [campaign.id]);
      const swept = await sweep.sweepSchedules(getContainer());
      expect(swept.missed).toContain(campaign.id);
      expect((await sql(`SELECT count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id]))[0]!.n).toBe(0);
      const launch = await settle(api.post(`/admin/campaigns/${campaign.id}/launch`, {}, as.manager));
      expect(launch.status).toBe(409);
      expect(launch.data.message).toMatch(/missed/);
      const noFire = await settle(api.post(`/admin/campaigns/${campaign.id}/confirm`, {}, as.manager));
      expect(noFire.status).toBe(400);
      expect(noFire.data.message).toContain("fire");
      expect((await api.post(`/admin/campaigns/${campaign.id}/confirm`, { fire: false }, as.manager)).data.campaign).toMatchObject({ status: "draft", needs_confirmation: false });
    });

    it("answers 400 naming the field for bad input", async () => {
      const noName = await settle(api.post("/admin/campaigns/plans", { session_ids: [sessionId] }, as.manager));
      expect(noName.status).toBe(400);
      expect(noName.data.message).toContain("name");
      const badAt = await settle(api.post("/admin/campaigns/plans", { name: "x", schedule: { kind: "at", at: "tomorrow" } }, as.manager));
      expect(badAt.status).toBe(400);
      expect(badAt.data.message).toContain("schedule.at");
      const badSession = await settle(api.post("/admin/campaigns/plans", { name: "x", session_ids: ["wa_sess_nope"] }, as.manager));
      expect(badSession.status).toBe(400);
      expect(badSession.data.message).toContain("session_ids");
      const silent = await draft({ name: "No sender", session_ids: [] });
      const launch = await settle(api.post(`/admin/campaigns/${silent.id}/launch`, {}, as.manager));
      expect(launch.status).toBe(400);
      expect(launch.data.message).toContain("session_ids");
      const now = await settle(api.post(`/admin/campaigns/${silent.id}/schedule`, {}, as.manager));
      expect(now.status).toBe(409);
      const testSend = await settle(api.post(`/admin/campaigns/${silent.id}/test-send`, {}, as.manager));
      expect(testSend.status).toBe(400);
      expect(testSend.data.message).toContain("phone");
    });

    it("test-sends the message as a chosen customer would get it, to the staff member's own number", async () => {
      const campaign = await draft({ name: "Test send" });
      const sent = (await api.post(`/admin/campaigns/${campaign.id}/test-send`, { phone: "013-777 0001", as_customer_id: customers.ali }, as.manager)).data;
      expect(sent).toMatchObject({ to: "+60137770001", status: expect.stringMatching(/pending|sent/) });
      expect(sent.text).toMatch(/^Hai Ali Test, Samsung Galaxy S23 anda\./);
      expect(sent.idempotency_key).toMatch(new RegExp(`^campaign-test:${campaign.id}:[0-9a-f-]{36}$`));
      const logged = await sql(`SELECT phone, body, context_kind FROM whatsapp_message WHERE id = ?`, [sent.message_id]);
      expect(logged).toEqual([{ phone: "+60137770001", body: sent.text, context_kind: "alert" }]);
      expect((await sql(`SELECT count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ?`, [campaign.id]))[0]!.n).toBe(0);
    });

    it("keeps cashiers and technicians out of every planner route", async () => {
      const campaign = await draft({ name: "Roles" });
      for (const who of [as.cashier, as.technician]) {
        for (const call of [
          () => api.get("/admin/campaigns/plans", who),
          () => api.post("/admin/campaigns/plans", { name: "nope" }, who),
          () => api.post(`/admin/campaigns/${campaign.id}/launch`, {}, who),
          () => api.get(`/admin/campaigns/audience/count?filter=%7B%7D`, who),
          () => api.get("/admin/campaigns/blacklist", who),
          () => api.get("/admin/campaigns/templates", who),
        ]) expect((await settle(call())).status).toBe(403);
      }
    });

    it("manages the blacklist with reasons and who, and imports and exports it as CSV", async () => {
      const added = await api.post("/admin/campaigns/blacklist", { phone: "013-999 0001", reason: "complained" }, as.owner);
      expect(added.status).toBe(201);
      expect(added.data.entry).toMatchObject({ phone: "+60139990001", reason: "complained", added_by: "Test owner" });
      const dup = await settle(api.post("/admin/campaigns/blacklist", { phone: "+60139990001", reason: "again" }, as.owner));
      expect(dup.status).toBe(409);
      expect(dup.data.type).toBe("already_blacklisted");
      const imported = (await api.post("/admin/campaigns/blacklist/import", { csv: "phone,reason\n0139990002,spam report\nabc,x\n0139990001,\n", reason: "import" }, as.manager)).data;
      expect(imported).toMatchObject({ added: 1, already: 1 });
      expect(imported.rejected).toHaveLength(1);
      const csv = (await api.get("/admin/campaigns/blacklist/export", as.manager)).data as string;
      expect(csv).toContain("+60139990002,spam report");
      const removed = (await api.delete(`/admin/campaigns/blacklist/${added.data.entry.id}`, { ...as.manager, data: { reason: "made up" } })).data.entry;
      expect(removed).toMatchObject({ removed_by: "Test manager", removed_reason: "made up" });
      expect((await settle(api.delete(`/admin/campaigns/blacklist/${added.data.entry.id}?reason=again`, as.manager))).status).toBe(409);
      const list = (await api.get("/admin/campaigns/blacklist?include_removed=true&q=9990001", as.manager)).data;
      expect(list.entries.map((e: { removed_at: string | null }) => e.removed_at !== null)).toEqual([true]);
    });

    it("keeps a template library in BM and EN", async () => {
      const t = (await api.post("/admin/campaigns/templates", { name: "Waranti", language: "ms", body: "Hai {nama}, waranti {model} tamat {expiry_date}" }, as.manager)).data.template;
      expect(t.variables).toEqual(["nama", "model", "expiry_date"]);
      expect((await api.get("/admin/campaigns/templates?language=ms", as.manager)).data.templates.map((x: { id: string }) => x.id)).toContain(t.id);
      expect((await api.post(`/admin/campaigns/templates/${t.id}`, { name: "Waranti tamat" }, as.manager)).data.template.name).toBe("Waranti tamat");
      expect((await api.delete(`/admin/campaigns/templates/${t.id}`, as.manager)).data).toEqual({ id: t.id, deleted: true });
      expect((await settle(api.get(`/admin/campaigns/templates/${t.id}`, as.manager))).status).toBe(404);
    });

    it("opts a phone out through its signed link, and refuses a forged one", async () => {
      const token = optOut.signOptOutToken(PHONES.bala, "en", optOut.optOutKey({ JWT_SECRET: process.env.JWT_SECRET ?? JWT_SECRET }));
      const page = (await api.get(`/public/campaigns/opt-out/${token}`)).data;
      expect(page).toEqual({ phone_masked: "+60 12***0002", opted_out: false, language: "en" });
      expect((await api.post(`/public/campaigns/opt-out/${token}`, {})).data.opted_out).toBe(true);
      expect((await sql(`SELECT opted_out_at FROM whatsapp_contact WHERE phone = ?`, [PHONES.bala]))[0]!.opted_out_at).not.toBeNull();
      await api.post(`/public/campaigns/opt-out/${token}`, {});
      const confirmations = await sql(`SELECT body, context_kind, idempotency_key FROM whatsapp_message WHERE phone = ? AND idempotency_key LIKE 'optout-confirm:%'`, [PHONES.bala]);
      expect(confirmations).toHaveLength(1);
      expect(confirmations[0]).toMatchObject({ context_kind: "alert", idempotency_key: expect.stringMatching(/^optout-confirm:\+60121110002:\d{4}-\d{2}-\d{2}$/) });
      expect(confirmations[0]!.body).toMatch(/^You will no longer receive promotional messages/);
      expect((await api.get(`/public/campaigns/opt-out/${token}`)).data.opted_out).toBe(true);
      expect((await count({ tags: [TAG] })).excluded.opted_out).toBe(2);
      expect((await settle(api.get(`/public/campaigns/opt-out/${token.slice(0, -2)}xx`))).status).toBe(404);
    });

    it("seeds the demo shop's draft and completed campaigns once, the completed one with every recipient in a final state", async () => {
      await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", paired: true }, as.owner);
      await seedCampaigns(getContainer());
      await seedCampaigns(getContainer());
      const campaigns = await sql(`SELECT id, name, status, run_no FROM campaign WHERE name IN ('Waranti skrin hampir tamat', 'Promosi Hari Kebangsaan') ORDER BY name`);
      expect(campaigns.map((c) => [c.name, c.status, c.run_no])).toEqual([["Promosi Hari Kebangsaan", "completed", 1], ["Waranti skrin hampir tamat", "draft", 0]]);
      const done = campaigns[0]!.id;
      const byStatus = Object.fromEntries((await sql(`SELECT status, count(*)::int AS n FROM campaign_recipient WHERE campaign_id = ? GROUP BY 1`, [done])).map((r) => [r.status, r.n]));
      expect(byStatus).toEqual({ read: 15, delivered: 9, sent: 7, failed: 3, skipped: 6 });
      const [late] = await sql(`SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS open,
        count(*) FILTER (WHERE status IN ('sent', 'delivered', 'read') AND sent_at IS NULL)::int AS unsent,
        count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS replied, count(*) FILTER (WHERE converted_at IS NOT NULL)::int AS converted
        FROM campaign_recipient WHERE campaign_id = ?`, [done]);
      expect(late).toEqual({ open: 0, unsent: 0, replied: 5, converted: 2 });
      const detail = (await api.get(`/admin/campaigns/plans/${done}`, as.manager)).data;
      expect(detail.events.map((e: { action: string }) => e.action)).toEqual(["create", "launch", "complete"]);
      expect(detail.list_entries).toBe(40);
    });

    it("counts a page of campaigns' recipients from the (campaign, run, status) index, never a scan of the table", async () => {
      await sql(`INSERT INTO campaign_recipient (id, campaign_id, run_no, phone, status, idempotency_key, created_at, updated_at)
        SELECT 'crcp_x' || g, 'camp_big' || (g % 40), 1 + (g % 2), '+6011' || lpad(g::text, 8, '0'),
          (ARRAY['queued','sent','delivered','read','failed','skipped'])[1 + g % 6], 'campaign:big:' || g, now(), now()
        FROM generate_series(1, 20000) g`);
      await sql(`ANALYZE campaign_recipient`);
      const bindings = [["camp_big1", "camp_big2"], [2, 1]];
      const plan = (await sql(`EXPLAIN ${reads.RECIPIENT_COUNTS_SQL}`, bindings)).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/(Index|Index Only|Bitmap Index) Scan on "?IDX_campaign_recipient_\w+"?/);
      expect(plan).not.toMatch(/Seq Scan on campaign_recipient/);
      const counted = await sql(reads.RECIPIENT_COUNTS_SQL, bindings);
      expect(counted.reduce((sum, r) => sum + r.n, 0)).toBe(1000);
      expect(counted.filter((r) => r.campaign_id === "camp_big1").map((r) => r.status).sort()).toEqual(["read", "sent", "skipped"]);
    });
  },
});
