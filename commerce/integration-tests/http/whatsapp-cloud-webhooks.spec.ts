import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { startFakeGraphApi, type FakeGraphApi } from "@voltura/whatsapp-transport/testing";
import { settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { recordEvents, until } from "./whatsapp-helpers";

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
const cloudStatus = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/cloud-status") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/cloud-status");
const cloudStore = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/cloud-store") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/cloud-store");

const PNID = "109876543210001";
const WABA = "209876543210001";
const TOKEN = "EAAGvoltura-long-lived-system-user-token";
const APP_SECRET = "app-secret-of-the-shop-0042";
const VERIFY = "verify-token-of-the-shop";
const CUSTOMER = "+60123450101";

type Db = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

/** A `messages` webhook with one inbound message, in Meta's shape. */
function inboundPayload(id: string, from: string, content: Record<string, unknown>, phoneNumberId = PNID) {
  const waId = from.replace(/^\+/, "");
  return {
    object: "whatsapp_business_account",
    entry: [{
      id: WABA,
      changes: [{
        field: "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: "60390001234", phone_number_id: phoneNumberId },
          contacts: [{ profile: { name: "Aisyah Rahman" }, wa_id: waId }],
          messages: [{ from: waId, id, timestamp: String(Math.floor(Date.now() / 1000)), ...content }],
        },
      }],
    }],
  };
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_cloud_webhooks",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let fake: FakeGraphApi;
    let sessionId: string;
    let events: ReturnType<typeof recordEvents>;
    const db = () => getContainer().resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION);
    const count = async (sql: string, bindings: unknown[] = []) => Number((await db().raw(sql, bindings)).rows[0]!.n);
    const session = async () => (await api.get(`/admin/whatsapp/sessions/${sessionId}`, as.owner)).data.session;
    const message = async (id: string) => (await db().raw(`SELECT * FROM whatsapp_message WHERE id = ?`, [id])).rows[0]!;
    /** POSTs the exact bytes, as the console forwards them. */
    const post = (body: string, signature: string | null) =>
      settle(api.post("/webhooks/whatsapp/cloud", body, {
        headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-hub-signature-256": signature }) },
        transformRequest: [(data: unknown) => data],
      }));
    const deliver = (payload: unknown) => {
      const signed = fake.signedWebhook(payload);
      return post(signed.body, signed.signature);
    };
    const cloudConfig = (overrides: Record<string, string> = {}) => ({ phone_number_id: PNID, waba_id: WABA, access_token: TOKEN, app_secret: APP_SECRET, verify_token: VERIFY, ...overrides });
    /** An outbound row of the cloud session held by nobody we run (a live claim), so no outbox sends it meanwhile. */
    const heldOutbound = async (id: string, status = "pending") => {
      await db().raw(
        `INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, claimed_by, lease_until, send_attempts, status_changed_at)
         VALUES (?, ?, 'out', ?, 'Telefon anda siap', ?, 'it-holder', now() + interval '1 hour', 1, now())`,
        [id, sessionId, CUSTOMER, status],
      );
      return id;
    };

    beforeAll(async () => {
      fake = await startFakeGraphApi({
        appSecret: APP_SECRET, accessToken: TOKEN, phoneNumberId: PNID, wabaId: WABA, displayPhoneNumber: "60390001234",
        webhookUrl: `${api.defaults.baseURL}/webhooks/whatsapp/cloud`,
      });
      process.env.WHATSAPP_GRAPH_URL = fake.url;
      events = recordEvents(getContainer(), ["whatsapp.message.received", "whatsapp.message.status"]);
    });

    afterAll(async () => {
      await fake?.close();
      delete process.env.WHATSAPP_GRAPH_URL;
    });

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    /** The shop's Cloud API number, connected (each test starts on a fresh database). */
    const ensureSession = async () => {
      const sessions = (await api.get("/admin/whatsapp/sessions", as.owner)).data.sessions as Array<{ id: string; kind: string }>;
      sessionId = sessions.find((s) => s.kind === "cloud_api")?.id
        ?? (await api.post("/admin/whatsapp/sessions", { name: "Meta (Cloud API)", kind: "cloud_api", cloud: cloudConfig() }, as.owner)).data.session.id;
      await until(session, (s) => s.state === "open", "the Cloud API number connected");
    };

    it("reads the webhook's own tables by their indexes (EXPLAIN on seeded tables)", async () => {
      await db().raw(`INSERT INTO whatsapp_webhook_event (key, received_at)
        SELECT 'status:wa_sess_x:wamid.' || g || ':delivered', now() - (g % 240) * interval '1 hour' FROM generate_series(1, 20000) g`);
      await db().raw(`INSERT INTO whatsapp_status_backlog (id, session_id, wa_message_id, correlation_id, status, received_at)
        SELECT 'wa_sbl_' || g, 'wa_sess_' || (g % 7), 'wamid.' || g, CASE WHEN g % 2 = 0 THEN 'wa_msg_' || g END, 'delivered', now() - (g % 240) * interval '1 hour'
          FROM generate_series(1, 20000) g`);
      await db().raw(`ANALYZE whatsapp_webhook_event`);
      await db().raw(`ANALYZE whatsapp_status_backlog`);
      const plan = async (sql: string, bindings: unknown[]) => (await db().raw(`EXPLAIN ${sql}`, bindings)).rows.map((r) => String(r["QUERY PLAN"])).join("\n");
      const seen = await plan(cloudStore.WEBHOOK_EVENT_SEEN_SQL, ["status:wa_sess_x:wamid.77:delivered"]);
      expect(seen).toContain("whatsapp_webhook_event_pkey");
      const parked = await plan(cloudStore.PARKED_STATUSES_SQL, ["wa_sess_3", "wamid.77", "wa_msg_78", "wa_sess_3"]);
      expect(parked).toContain("IDX_whatsapp_status_backlog_session_wa_id");
      expect(parked).toContain("IDX_whatsapp_status_backlog_correlation_id");
      for (const [sql, table] of [[cloudStore.PRUNE_WEBHOOK_EVENTS_SQL, "whatsapp_webhook_event"], [cloudStore.PRUNE_PARKED_STATUSES_SQL, "whatsapp_status_backlog"]] as const) {
        const pruning = await plan(sql, [cloudStore.WEBHOOK_STATE_DAYS]);
        expect(pruning).toContain(`IDX_${table}_received_at`);
      }
      for (const found of [seen, parked]) expect(found).not.toMatch(/Seq Scan on whatsapp_(webhook_event|status_backlog)/);
      // Correctness: the parked lookup finds both kinds of match, and pruning keeps what Meta may still resend.
      expect((await db().raw(cloudStore.PARKED_STATUSES_SQL, ["wa_sess_0", "wamid.7", "wa_msg_14", "wa_sess_0"])).rows.map((r) => r.id)).toEqual(expect.arrayContaining(["wa_sbl_7", "wa_sbl_14"]));
      const removed = (await db().raw(cloudStore.PRUNE_WEBHOOK_EVENTS_SQL, [cloudStore.WEBHOOK_STATE_DAYS])).rows.length;
      expect(removed).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) AS n FROM whatsapp_webhook_event WHERE received_at < now() - interval '8 days'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM whatsapp_webhook_event`)).toBe(20000 - removed);
    });

    it("names every missing or wrong field of a Cloud API number, and its secrets are the owner's to set", async () => {
      const none = await settle(api.post("/admin/whatsapp/sessions", { name: "Meta", kind: "cloud_api" }, as.owner));
      expect(none.status).toBe(400);
      expect(none.data.message).toContain("cloud");

      const empty = await settle(api.post("/admin/whatsapp/sessions", { name: "Meta", kind: "cloud_api", cloud: {} }, as.owner));
      expect(empty.status).toBe(400);
      for (const field of ["phone_number_id", "waba_id", "access_token", "app_secret", "verify_token"]) expect(empty.data.message).toContain(`cloud.${field}`);

      const wrong = await settle(api.post("/admin/whatsapp/sessions", { name: "Meta", kind: "cloud_api", cloud: cloudConfig({ phone_number_id: "+60 3-9000", verify_token: "short" }) }, as.owner));
      expect(wrong.status).toBe(400);
      expect(wrong.data.message).toContain("cloud.phone_number_id");
      expect(wrong.data.message).toContain("cloud.verify_token");
      expect(wrong.data.message).not.toContain("cloud.waba_id");

      const manager = await settle(api.post("/admin/whatsapp/sessions", { name: "Meta", kind: "cloud_api", cloud: cloudConfig() }, as.manager));
      expect(manager.status).toBe(403);
      expect(await count(`SELECT count(*) AS n FROM whatsapp_session WHERE kind = 'cloud_api'`)).toBe(0);
    });

    it("a refused access token stops the number with an alert naming it; the owner's fix reconnects it, secrets never echoed", async () => {
      const created = await api.post("/admin/whatsapp/sessions", { name: "Meta (Cloud API)", kind: "cloud_api", cloud: cloudConfig({ access_token: "EAAG-not-the-token" }) }, as.owner);
      expect(created.status).toBe(201);
      sessionId = created.data.session.id;
      expect(created.data.session.cloud).toEqual({
        phone_number_id: PNID, waba_id: WABA, access_token_set: true, app_secret_set: true, verify_token_set: true, webhook_path: "/webhooks/whatsapp/cloud",
      });
      expect(JSON.stringify(created.data)).not.toContain("EAAG-not-the-token");
      expect(JSON.stringify(created.data)).not.toContain(APP_SECRET);

      const stopped = await until(session, (s) => s.state === "stopped" && s.alerts.length > 0, "stopped by the refused token, with its alert");
      expect(stopped.enabled).toBe(false);
      expect(stopped.alerts[0].message).toMatch(/access token/i);

      const [stored] = (await db().raw(`SELECT cloud_secrets FROM whatsapp_session WHERE id = ?`, [sessionId])).rows;
      expect(String(stored!.cloud_secrets)).toMatch(/^vk1\./);
      expect(String(stored!.cloud_secrets)).not.toContain(APP_SECRET);

      const duplicate = await settle(api.post("/admin/whatsapp/sessions", { name: "Again", kind: "cloud_api", cloud: cloudConfig() }, as.owner));
      expect(duplicate.status).toBe(400);
      expect(duplicate.data.message).toContain("cloud.phone_number_id");

      expect((await settle(api.patch(`/admin/whatsapp/sessions/${sessionId}/cloud`, { access_token: TOKEN }, as.manager))).status).toBe(403);
      const badId = await settle(api.patch(`/admin/whatsapp/sessions/${sessionId}/cloud`, { waba_id: "WABA" }, as.manager));
      expect(badId.status).toBe(400);
      expect(badId.data.message).toContain("waba_id");

      const fixed = await api.patch(`/admin/whatsapp/sessions/${sessionId}/cloud`, { access_token: TOKEN }, as.owner);
      expect(fixed.data.session.cloud.access_token_set).toBe(true);
      expect(JSON.stringify(fixed.data)).not.toContain(TOKEN);
      const open = await until(session, (s) => s.state === "open", "open with the fixed token");
      expect(open).toMatchObject({ kind: "cloud_api", phone: "+60390001234", enabled: true });

      const audit = (await db().raw(`SELECT action, changes, metadata FROM audit_entry WHERE entity_id = ? ORDER BY occurred_at`, [sessionId])).rows;
      expect(audit.map((row) => row.action)).toEqual(["whatsapp.session_created", "whatsapp.cloud_config_changed"]);
      expect(audit[1]!.metadata).toMatchObject({ sealed_fields: ["access_token"] });
      for (const secret of [TOKEN, "EAAG-not-the-token", APP_SECRET, VERIFY]) expect(JSON.stringify(audit)).not.toContain(secret);

      // Removing the number forgets its secrets too (its message log stays).
      expect((await api.delete(`/admin/whatsapp/sessions/${sessionId}`, as.manager)).data.deleted).toBe(true);
      const [gone] = (await db().raw(`SELECT cloud_secrets, deleted_at FROM whatsapp_session WHERE id = ?`, [sessionId])).rows;
      expect(gone).toMatchObject({ cloud_secrets: null, deleted_at: expect.any(Date) });
    });

    describe("with the number connected", () => {
    beforeEach(ensureSession);

    it("answers Meta's verification challenge for the shop's verify token only", async () => {
      const right = await settle(api.get(`/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`));
      expect(right.status).toBe(200);
      expect(String(right.data)).toBe("1158201444");
      const wrong = await settle(api.get(`/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=not-${VERIFY}&hub.challenge=1158201444`));
      expect(wrong.status).toBe(403);
    });

    it("signed inbound text, media, button and list replies take the same inbound path as Baileys", async () => {
      const photo = fake.addMedia(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg", "skrin.jpg");
      for (const spec of [
        { id: "wamid.IN-TEXT", text: "Bila telefon saya siap?" },
        { id: "wamid.IN-MEDIA", media: { kind: "image" as const, id: photo.id, mimeType: "image/jpeg", caption: "Skrin retak" } },
        { id: "wamid.IN-BUTTON", reply: { id: "quote-yes", title: "Setuju" } },
        { id: "wamid.IN-LIST", reply: { id: "slot-2", title: "Esok 10 pagi", list: true } },
        { id: "wamid.IN-TEMPLATE", reply: { id: "pickup-ok", title: "Saya datang esok", template: true } },
      ]) {
        await fake.deliverInbound({ from: CUSTOMER, name: "Aisyah Rahman", ...spec });
      }
      await fake.idle();
      expect(fake.webhookDeliveries.slice(-5).map((d) => d.httpStatus)).toEqual([200, 200, 200, 200, 200]);

      const rows = (await db().raw(`SELECT wa_message_id, body, media, customer_id, direction, status FROM whatsapp_message WHERE session_id = ? AND direction = 'in' ORDER BY wa_message_id`, [sessionId])).rows;
      expect(rows.map((r) => [r.wa_message_id, r.body])).toEqual([
        ["wamid.IN-BUTTON", "Setuju"], ["wamid.IN-LIST", "Esok 10 pagi"], ["wamid.IN-MEDIA", "Skrin retak"], ["wamid.IN-TEMPLATE", "Saya datang esok"],
        ["wamid.IN-TEXT", "Bila telefon saya siap?"],
      ]);
      expect(rows.find((r) => r.wa_message_id === "wamid.IN-MEDIA")!.media).toMatchObject({ kind: "image", mimetype: "image/jpeg" });
      const customers = new Set(rows.map((r) => r.customer_id));
      expect(customers.size).toBe(1);
      expect([...customers][0]).toMatch(/^cus_/);
      await until(() => events["whatsapp.message.received"]!.filter((e) => e.session_id === sessionId), (e) => e.length === 5, "five received events");
      expect(events["whatsapp.message.received"]!.find((e) => e.wa_message_id === "wamid.IN-BUTTON")).toMatchObject({ phone: CUSTOMER, body: "Setuju", simulated: false, counts_as_customer: true });
      // The owner marks them read on WhatsApp (best effort).
      await until(() => fake.reads.map((r) => r.messageId), (ids) => ids.includes("wamid.IN-TEXT"), "read mark");
    });

    it("refuses forged, unsigned and re-signed deliveries with 401 and stores nothing", async () => {
      const tables = ["whatsapp_message", "whatsapp_webhook_event", "whatsapp_status_backlog"];
      const before = await Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM ${t}`)));
      const received = events["whatsapp.message.received"]!.length;
      const genuine = fake.signedWebhook(inboundPayload("wamid.FORGED", CUSTOMER, { type: "text", text: { body: "STOP" } }));
      const other = fake.signedWebhook(inboundPayload("wamid.OTHER", CUSTOMER, { type: "text", text: { body: "Hai" } }));
      const forger = await startFakeGraphApi({ appSecret: "not-the-app-secret", phoneNumberId: PNID });
      try {
        const forged = forger.signedWebhook(JSON.parse(genuine.body));
        const attempts: Array<[string, () => ReturnType<typeof post>]> = [
          ["signed with another app's secret", () => post(forged.body, forged.signature)],
          ["no signature", () => post(genuine.body, null)],
          ["a malformed signature", () => post(genuine.body, "sha256=deadbeef")],
          ["a real signature of another body", () => post(genuine.body, other.signature)],
          ["one byte more than what was signed", () => post(`${genuine.body} `, genuine.signature)],
        ];
        for (const [what, attempt] of attempts) expect((await attempt()).status, what).toBe(401);
        // Signed by the shop's app but for a number the shop has not set up: taken (Meta stops resending), nothing stored.
        const elsewhere = await deliver(inboundPayload("wamid.UNKNOWN-NUMBER", CUSTOMER, { type: "text", text: { body: "Hai" } }, "109876543219999"));
        expect(elsewhere.status).toBe(200);
        expect(elsewhere.data.inbound).toBe(0);
      } finally {
        await forger.close();
      }
      expect(await Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM ${t}`)))).toEqual(before);
      expect(events["whatsapp.message.received"]!.length).toBe(received);
    });

    it("a delivery Meta repeats is applied once", async () => {
      const signed = fake.signedWebhook(inboundPayload("wamid.REPEATED", CUSTOMER, { type: "text", text: { body: "Terima kasih" } }));
      const first = await post(signed.body, signed.signature);
      const again = await post(signed.body, signed.signature);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(first.data.inbound).toBe(1);
      expect(again.data.inbound).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM whatsapp_message WHERE wa_message_id = 'wamid.REPEATED'`)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events["whatsapp.message.received"]!.filter((e) => e.wa_message_id === "wamid.REPEATED")).toHaveLength(1);
    });

    it("a send through the route reaches Meta exactly once, and its statuses come back by webhook", async () => {
      // The customer wrote: their 24-hour window is open, so free text may go out.
      await fake.deliverInbound({ from: CUSTOMER, text: "Telefon saya dah siap?" });
      await fake.idle();
      const body = { to: CUSTOMER, body: "Telefon anda siap untuk diambil.", idempotency_key: "it:cloud:send:1", session_id: sessionId, context: { kind: "staff" } };
      const sent = await api.post("/admin/whatsapp/messages", body, as.technician);
      expect(sent.status).toBe(201);
      const mine = fake.sent.filter((m) => m.correlationId === sent.data.message.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ to: CUSTOMER, text: "Telefon anda siap untuk diambil." });
      expect(sent.data.message.wa_message_id).toBe(mine[0]!.wamid);

      const retried = await api.post("/admin/whatsapp/messages", body, as.technician);
      expect(retried.status).toBe(200);
      expect(retried.data.message.id).toBe(sent.data.message.id);
      expect(fake.sent.filter((m) => m.correlationId === sent.data.message.id)).toHaveLength(1);

      await fake.idle();
      await until(() => message(sent.data.message.id), (m) => m.status === "delivered", "delivered by the fake's webhooks");
      expect(fake.webhookDeliveries.filter((d) => JSON.stringify(d.payload).includes(mine[0]!.wamid)).map((d) => d.httpStatus)).toEqual([200, 200]);
    });

    it("statuses out of order end at the furthest, and one that comes before the send recorded its id waits for it", async () => {
      const ordered = await heldOutbound("wa_msg_it_ordered", "sent");
      await db().raw(`UPDATE whatsapp_message SET wa_message_id = 'wamid.ORDER-1', claimed_by = NULL, lease_until = NULL WHERE id = ?`, [ordered]);
      await fake.deliverStatus("wamid.ORDER-1", "read", { to: CUSTOMER });
      await fake.deliverStatus("wamid.ORDER-1", "delivered", { to: CUSTOMER });
      await fake.idle();
      expect(fake.webhookDeliveries.slice(-2).map((d) => d.httpStatus)).toEqual([200, 200]);
      expect((await message(ordered)).status).toBe("read");
      const moves = await until(() => events["whatsapp.message.status"]!.filter((e) => e.message_id === ordered).map((e) => e.status), (m) => m.length > 0, "status event");
      expect(moves).toEqual(["read"]);

      // Before the send recorded its id, and without the row id: parked, then applied when the id is recorded.
      const held = await heldOutbound("wa_msg_it_parked");
      const parked = await fake.deliverStatus("wamid.PARKED-1", "delivered", { to: CUSTOMER });
      await fake.idle();
      expect(fake.webhookDeliveries.find((d) => d.body === parked.body)?.httpStatus).toBe(200);
      expect(await count(`SELECT count(*) AS n FROM whatsapp_status_backlog WHERE wa_message_id = 'wamid.PARKED-1'`)).toBe(1);
      expect((await message(held)).status).toBe("pending");
      await cloudStatus.recordCloudSend(getContainer(), held, "wamid.PARKED-1");
      expect(await message(held)).toMatchObject({ status: "delivered", wa_message_id: "wamid.PARKED-1" });
      expect(await count(`SELECT count(*) AS n FROM whatsapp_status_backlog WHERE wa_message_id = 'wamid.PARKED-1'`)).toBe(0);

      // With the row id (biz_opaque_callback_data): the status records the id itself (the send's answer was lost).
      const lost = await heldOutbound("wa_msg_it_lost_answer");
      await fake.deliverStatus("wamid.LOST-ANSWER", "sent", { to: CUSTOMER, correlationId: lost });
      await fake.idle();
      expect(await message(lost)).toMatchObject({ status: "sent", wa_message_id: "wamid.LOST-ANSWER" });
      // A status of an earlier attempt of the same row (another id) still moves the row, which keeps its id.
      await fake.deliverStatus("wamid.EARLIER-ATTEMPT", "delivered", { to: CUSTOMER, correlationId: lost });
      await fake.idle();
      expect(await message(lost)).toMatchObject({ status: "delivered", wa_message_id: "wamid.LOST-ANSWER" });
    });

    it("a failed status carries WhatsApp's error code and title through the refusal path", async () => {
      const row = await heldOutbound("wa_msg_it_failed", "sent");
      await db().raw(`UPDATE whatsapp_message SET wa_message_id = 'wamid.FAILED-1', claimed_by = NULL, lease_until = NULL WHERE id = ?`, [row]);
      await fake.deliverStatus("wamid.FAILED-1", "failed", { to: CUSTOMER, error: { code: 131047, title: "Re-engagement message" } });
      await fake.idle();
      const failed = await message(row);
      expect(failed.status).toBe("failed");
      expect(failed.error).toContain("131047 Re-engagement message");
      await until(() => events["whatsapp.message.status"]!.filter((e) => e.message_id === row), (e) => e.length === 1, "failed status event");
      expect(events["whatsapp.message.status"]!.find((e) => e.message_id === row)).toMatchObject({
        status: "failed", status_code: 131047, code: "outside_window", error_title: "Re-engagement message",
      });
      // A later "delivered" for a failed message is news (WhatsApp retried); a "sent" is not.
      await fake.deliverStatus("wamid.FAILED-1", "sent", { to: CUSTOMER });
      await fake.idle();
      expect((await message(row)).status).toBe("failed");
    });

    it("account updates: template reviews set the template's status, quality and tier updates the number's limits", async () => {
      await db().raw(
        `INSERT INTO whatsapp_template (id, session_id, name, language, category, status, body_text, param_count) VALUES ('wa_tpl_it_1', ?, 'pickup_ready', 'ms', 'UTILITY', 'PENDING', 'Hai {{1}}', 1)`,
        [sessionId],
      );
      const template = async () => (await db().raw(`SELECT status, rejected_reason FROM whatsapp_template WHERE id = 'wa_tpl_it_1'`)).rows[0];
      const approved = await fake.approveTemplate("pickup_ready", "ms", "Hai {{1}}");
      await fake.idle();
      expect(await template()).toMatchObject({ status: "APPROVED" });
      expect((await post(approved.body, approved.signature)).status).toBe(200); // Meta repeats it: nothing changes
      await fake.rejectTemplate("pickup_ready", "ms", "INVALID_FORMAT");
      await fake.idle();
      expect(await template()).toEqual({ status: "REJECTED", rejected_reason: "INVALID_FORMAT" });

      await fake.setTier("TIER_1K");
      await fake.setQuality("RED");
      await fake.idle();
      expect((await session()).limits).toMatchObject({ messaging_limit_tier: "TIER_1K", quality_rating: "RED" });
    });

    it("a Cloud API claim that ran out with no WhatsApp id waits for Meta's webhook before it is sent again", async () => {
      const id = await heldOutbound("wa_msg_it_unknown");
      await db().raw(`UPDATE whatsapp_message SET claimed_by = 'it-dead-process', lease_until = now() - interval '1 minute' WHERE id = ?`, [id]);
      const service = getContainer().resolve("whatsapp") as {
        claimOutbound(id: string, claim: { claimed_by: string; lease_seconds: number; wa_message_id: string | null }): Promise<unknown>;
        pendingOutbound(sessionId: string): Promise<Array<{ id: string }>>;
        releaseExpiredClaims(): Promise<string[]>;
      };
      expect(await service.claimOutbound(id, { claimed_by: "it", lease_seconds: 30, wa_message_id: null })).toBeNull();
      expect((await service.pendingOutbound(sessionId)).map((r) => r.id)).not.toContain(id);
      expect(await service.releaseExpiredClaims()).not.toContain(id);

      await db().raw(`UPDATE whatsapp_message SET lease_until = now() - interval '6 minutes' WHERE id = ?`, [id]);
      expect(await service.claimOutbound(id, { claimed_by: "it", lease_seconds: 30, wa_message_id: null })).toMatchObject({ id, send_attempts: 2, wa_message_id: null });
      await db().raw(`UPDATE whatsapp_message SET status = 'failed', claimed_by = NULL, lease_until = NULL WHERE id = ?`, [id]);
    });
    });
  },
});
