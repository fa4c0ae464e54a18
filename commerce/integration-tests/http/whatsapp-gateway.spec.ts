import { randomBytes } from "node:crypto";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { keyRingLoader } from "@voltura/keyring";
import { AuthStateDecryptionError, encryptAuthState, openAuthState } from "@voltura/whatsapp-transport";
import { createFakeBaileys } from "@voltura/whatsapp-transport/testing";
import { recordInboundWhatsAppWorkflow, sendWhatsAppMessageWorkflow, updateWhatsAppMessageStatusWorkflow } from "@voltura/plugin-whatsapp/workflows";
import { settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { baileysSocket, boot, recordEvents, supervisorModule, until } from "./whatsapp-helpers";

process.env.WHATSAPP_AUTH_STATE_KEY ||= randomBytes(32).toString("hex");
const KEY = Buffer.from(process.env.WHATSAPP_AUTH_STATE_KEY!, /^[0-9a-f]{64}$/i.test(process.env.WHATSAPP_AUTH_STATE_KEY!) ? "hex" : "base64");

medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_gateway",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let sessionId: string;
    let events: ReturnType<typeof recordEvents>;

    beforeAll(async () => {
      events = recordEvents(getContainer(), ["whatsapp.message.received", "whatsapp.contact.opted_out", "whatsapp.message.status"]);
    });

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      const sessions = await api.get("/admin/whatsapp/sessions", as.manager);
      const existing = sessions.data.sessions.find((s: { name: string }) => s.name === "Shop (simulator)");
      sessionId = existing?.id ?? (await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
    });

    const simulator = async () => (await boot.ensureSupervisor(getContainer())).simulator(sessionId)!;

    it("opens a paired simulator session owned by this process", async () => {
      const health = await api.get("/admin/whatsapp/health", as.technician);
      const session = health.data.sessions.find((s: { id: string }) => s.id === sessionId);
      expect(session).toMatchObject({ kind: "simulator", state: "open", is_default: true, owned_here: true });
      expect(session.id).toMatch(/^wa_sess_/);
      expect(session.last_seen_at).not.toBeNull();
    });

    it("sends once per idempotency key, even when the same key arrives twice at once", async () => {
      const sim = await simulator();
      const before = sim.sentMessages().length;
      const body = { to: "012-345 6789", body: "Telefon anda siap untuk diambil.", idempotency_key: "it:send:1", context: { kind: "staff" } };
      const [a, b] = await Promise.all([settle(api.post("/admin/whatsapp/messages", body, as.technician)), settle(api.post("/admin/whatsapp/messages", body, as.cashier))]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.data.message.id).toBe(b.data.message.id);
      expect(a.data.message).toMatchObject({ direction: "out", phone: "+60123456789", context_kind: "staff" });
      const replay = await api.post("/admin/whatsapp/messages", body, as.technician);
      expect(replay.status).toBe(200);
      expect(replay.data.message.id).toBe(a.data.message.id);
      expect(replay.data.message.status).toBe("sent");
      expect(sim.sentMessages().length - before).toBe(1);
      const log = await api.get("/admin/whatsapp/messages?phone=0123456789", as.technician);
      expect(log.data.messages.filter((m: { direction: string }) => m.direction === "out")).toHaveLength(1);
    });

    it("answers 400 naming the field for bad input and stores nothing", async () => {
      const r = await settle(api.post("/admin/whatsapp/messages", { to: "12-34", body: "x" }, as.technician));
      expect(r.status).toBe(400);
      expect(r.data.message).toContain("idempotency_key");
      const phone = await settle(api.post("/admin/whatsapp/messages", { to: "12-34", body: "x", idempotency_key: "it:bad" }, as.technician));
      expect(phone.status).toBe(400);
      expect(phone.data.message).toContain("to");
      const log = await api.get("/admin/whatsapp/messages?limit=200", as.technician);
      expect(log.data.messages.some((m: { body: string }) => m.body === "x")).toBe(false);
    });

    it("stores a re-delivered inbound message once and announces it once", async () => {
      const first = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60 17-222 3344", body: "status phone saya?", name: "Siti Aminah", wa_message_id: "WA-DUP-1" }, as.manager);
      const again = await api.post("/admin/whatsapp/simulator/inbound", { from: "017-222 3344", body: "status phone saya?", wa_message_id: "WA-DUP-1" }, as.manager);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.data).toMatchObject({ duplicate: true, message: { id: first.data.message.id } });

      // A second process (or a restart) has no memory of the id: the database still refuses it.
      const input = { session_id: sessionId, phone: "+60172223344", body: "status phone saya?", media: null, wa_message_id: "WA-DUP-1", sender_name: null, received_at: new Date().toISOString() };
      const runs = await Promise.all([1, 2].map(() => recordInboundWhatsAppWorkflow(getContainer()).run({ input })));
      expect(runs.every((r) => r.result.duplicate)).toBe(true);
      const fresh = { ...input, wa_message_id: "WA-DUP-2" };
      const racing = await Promise.all([1, 2].map(() => recordInboundWhatsAppWorkflow(getContainer()).run({ input: fresh })));
      expect(racing.map((r) => r.result.duplicate).sort()).toEqual([false, true]);

      const stored = await api.get("/admin/whatsapp/messages?phone=%2B60172223344&direction=in", as.technician);
      expect(stored.data.messages.map((m: { wa_message_id: string }) => m.wa_message_id).sort()).toEqual(["WA-DUP-1", "WA-DUP-2"]);
      await until(() => events["whatsapp.message.received"]!.filter((e) => e.phone === "+60172223344").length, (n) => n >= 2, "received events");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const received = events["whatsapp.message.received"]!.filter((e) => e.phone === "+60172223344");
      expect(received.map((e) => e.wa_message_id).sort()).toEqual(["WA-DUP-1", "WA-DUP-2"]);
      expect(received[0]).toMatchObject({ message_id: first.data.message.id, session_id: sessionId, body: "status phone saya?", customer_id: first.data.message.customer_id });
      expect(typeof received[0]!.received_at).toBe("string");
    });

    it("creates the customer on a first message and links later ones, and links a known customer", async () => {
      const first = await api.post("/admin/whatsapp/simulator/inbound", { from: "019-880 1122", body: "Hi, boleh tanya harga?", name: "Tan Wei Jie" }, as.manager);
      const customerId = first.data.message.customer_id;
      expect(customerId).toMatch(/^cus_/);
      const customer = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(customerId);
      expect(customer).toMatchObject({ first_name: "Tan", last_name: "Wei Jie", phone: "+60198801122" });
      const second = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60198801122", body: "Screen iPhone 13" }, as.manager);
      expect(second.data.message.customer_id).toBe(customerId);

      const known = await api.post("/admin/crm/customers", { name: "Aisyah Rahman", phone: "016-220 1144" }, as.cashier);
      const linked = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60162201144", body: "Salam" }, as.manager);
      expect(linked.data.message.customer_id).toBe(known.data.customer.id);
      const history = await api.get(`/admin/whatsapp/messages?customer_id=${known.data.customer.id}`, as.technician);
      expect(history.data).toMatchObject({ count: 1, messages: [{ body: "Salam", customer_name: "Aisyah Rahman" }] });
      const reply = await api.post("/admin/whatsapp/messages", { to: "016-220 1144", body: "Waalaikumsalam", idempotency_key: "it:reply:aisyah" }, as.technician);
      expect(reply.data.message.customer_id).toBe(known.data.customer.id);
    });

    it("moves status forward only, whatever order the receipts come in", async () => {
      const sent = await api.post("/admin/whatsapp/messages", { to: "+60123450001", body: "Quote ready", idempotency_key: "it:status:1" }, as.technician);
      const id = sent.data.message.id;
      expect(sent.data.message.status).toBe("sent");
      const read = await api.post(`/admin/whatsapp/simulator/messages/${id}/receipt`, { status: "read" }, as.manager);
      expect(read.data.message.status).toBe("read");
      const late = await api.post(`/admin/whatsapp/simulator/messages/${id}/receipt`, { status: "delivered" }, as.manager);
      expect(late.data.message.status).toBe("read");
      const { result } = await updateWhatsAppMessageStatusWorkflow(getContainer()).run({ input: { message_id: id, status: "failed" } });
      expect(result.changed).toBe(false);
      const log = await api.get("/admin/whatsapp/messages?phone=%2B60123450001", as.technician);
      expect(log.data.messages[0].status).toBe("read");
      await until(() => events["whatsapp.message.status"]!.filter((e) => e.message_id === id), (e) => e.length >= 2, "status events");
      expect(events["whatsapp.message.status"]!.filter((e) => e.message_id === id).map((e) => e.status)).toEqual(["sent", "read"]);
    });

    it("STOP opts the contact out: reminders get 409 opted_out, transactional messages still go", async () => {
      const stop = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60133334444", body: "STOP" }, as.manager);
      await until(() => events["whatsapp.contact.opted_out"]!.filter((e) => e.phone === "+60133334444"), (e) => e.length === 1, "opt-out event");
      expect(events["whatsapp.contact.opted_out"]!.find((e) => e.phone === "+60133334444")).toEqual({ phone: "+60133334444", customer_id: stop.data.message.customer_id, source: "keyword" });
      // The customer is told, in BM when no campaign message says otherwise (the campaigns plugin's subscriber).
      const confirmation = await until(
        async () => (await api.get("/admin/whatsapp/messages?phone=%2B60133334444", as.manager)).data.messages as Array<{ direction: string; body: string }>,
        (messages) => messages.some((m) => m.direction === "out" && /tidak akan menerima mesej promosi/.test(m.body)), "the opt-out confirmation");
      expect(confirmation.filter((m) => m.direction === "out")).toHaveLength(1);
      const reminder = await settle(api.post("/admin/whatsapp/messages", { to: "+60133334444", body: "Day 20 reminder", idempotency_key: "it:rem:1", context: { kind: "reminder", ref: "pickup-VSH-1" } }, as.technician));
      expect(reminder.status).toBe(409);
      expect(reminder.data.code).toBe("opted_out");
      const quote = await settle(api.post("/admin/whatsapp/messages", { to: "+60133334444", body: "Your quote", idempotency_key: "it:quote:1", context: { kind: "quote" } }, as.technician));
      expect(quote.status).toBe(201);
      const optIn = await api.post("/admin/whatsapp/contacts/opt-in", { phone: "013-333 4444" }, as.cashier);
      expect(optIn.data.contact.opted_out_at).toBeNull();
      const again = await settle(api.post("/admin/whatsapp/messages", { to: "+60133334444", body: "Day 20 reminder", idempotency_key: "it:rem:1", context: { kind: "reminder" } }, as.technician));
      expect(again.status).toBe(201);
    });

    it("the owner's outbox sends a message that was stored while no process owned the session", async () => {
      await boot.stopSupervisor();
      const { result } = await sendWhatsAppMessageWorkflow(getContainer()).run({
        input: { session_id: sessionId, phone: "+60123450009", customer_id: null, body: "Queued while down", media: null, idempotency_key: "it:outbox:1", context_kind: "staff", context_ref: null },
      });
      expect(result.message).toMatchObject({ status: "pending", wa_message_id: null });
      const supervisor = await boot.ensureSupervisor(getContainer());
      const sent = await until(
        async () => (await api.get("/admin/whatsapp/messages?phone=%2B60123450009", as.technician)).data.messages[0],
        (m) => m.status === "sent",
        "the outbox to send it",
        40_000,
      );
      expect(sent.wa_message_id).toMatch(/^SIM/);
      expect(supervisor.ownsSession(sessionId)).toBe(true);
      expect(supervisor.simulator(sessionId)!.sentMessages().filter((m) => m.to === "+60123450009")).toHaveLength(1);
    });

    it("a session has one owner: a second process cannot take a held session", async () => {
      const other = new supervisorModule.SessionSupervisor(getContainer(), { instanceId: "instance-b" });
      expect(await other.lease(sessionId)).toBe(false);
      expect(other.ownsSession(sessionId)).toBe(false);

      const locking = getContainer().resolve(Modules.LOCKING);
      const mine = await boot.ensureSupervisor(getContainer());
      expect(mine.ownsSession(sessionId)).toBe(true);
      expect(await mine.lease(sessionId)).toBe(true); // the owner renews its own lease

      const blockedKey = "whatsapp:session:wa_sess_blocked";
      await locking.acquire(blockedKey, { ownerId: "instance-b", expire: 60 });
      expect(await mine.lease("wa_sess_blocked")).toBe(false);
      await locking.release(blockedKey, { ownerId: "instance-b" });
      expect(await mine.lease("wa_sess_blocked")).toBe(true);
      await locking.release(blockedKey, { ownerId: mine.instanceId });
    });

    it("pairs a Baileys session by QR, stores its credentials encrypted, and reconnects from them after a restart", async () => {
      const fake = createFakeBaileys();
      baileysSocket.useBaileysPartsForTests(async () => ({ socketFactory: fake.socketFactory, initAuthCreds: fake.initAuthCreds, reviveKey: (_t, v) => v }));
      try {
        const created = await api.post("/admin/whatsapp/sessions", { name: "Shop phone", kind: "baileys" }, as.owner);
        const id = created.data.session.id;
        const pairing = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "pairing" && Boolean(s.qr), "a QR code");
        expect(pairing.qr).toBe("2@fake-qr-0");

        fake.latest().pair();
        const open = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "open", "the paired session to open");
        expect(open).toMatchObject({ phone: "+60390001234", qr: null, reconnect_count: 1, last_disconnect_reason: "restartRequired" });

        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
        const [row] = (await pg.raw(`SELECT ciphertext FROM whatsapp_auth_state WHERE session_id = ?`, [id])).rows as Array<{ ciphertext: string }>;
        const ring = keyRingLoader();
        expect(row!.ciphertext.startsWith(`vk1.${ring().current("secrets").id}.`)).toBe(true);
        expect(row!.ciphertext).not.toContain("60390001234");
        expect(row!.ciphertext).not.toContain("registered");
        expect(openAuthState(row!.ciphertext, { ring, legacyKey: null }, id).creds).toMatchObject({ registered: true, me: { id: "60390001234:7@s.whatsapp.net" } });
        expect(() => openAuthState(row!.ciphertext, { ring, legacyKey: KEY }, "another-session")).toThrow(AuthStateDecryptionError);

        // Restart the gateway: the new transport reads the stored credentials, no new QR.
        const socketsBefore = fake.sockets.length;
        await boot.stopSupervisor();
        await boot.ensureSupervisor(getContainer());
        const reopened = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "open" && fake.sockets.length > socketsBefore, "reconnect after restart");
        expect(reopened.qr).toBeNull();
        expect(fake.latest().auth.creds.registered).toBe(true);

        // Logged out elsewhere: credentials are cleared and the session asks for a new pairing.
        fake.latest().closeWith(401, "logged out");
        const loggedOut = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "needs_pairing" && s.alerts.length > 0, "needs_pairing with an alert");
        expect(loggedOut.alerts[0]).toMatchObject({ kind: "pairingRequired" });
        const gone = (await pg.raw(`SELECT count(*)::int AS n FROM whatsapp_auth_state WHERE session_id = ?`, [id])).rows as Array<{ n: number }>;
        expect(gone[0]!.n).toBe(0);
        await api.delete(`/admin/whatsapp/sessions/${id}`, as.owner);
      } finally {
        baileysSocket.useBaileysPartsForTests(null);
      }
    });

    it("stops with an alert, instead of looping, when stored credentials do not decrypt (wrong key)", async () => {
      const fake = createFakeBaileys();
      baileysSocket.useBaileysPartsForTests(async () => ({ socketFactory: fake.socketFactory, initAuthCreds: fake.initAuthCreds, reviveKey: (_t, v) => v }));
      try {
        const id = (await api.post("/admin/whatsapp/sessions", { name: "Wrong key phone", kind: "baileys" }, as.owner)).data.session.id;
        await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "pairing", "a QR code");
        fake.latest().pair();
        await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "open", "open");
        await boot.stopSupervisor();
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
        const foreign = encryptAuthState({ creds: { registered: true }, keys: {} }, randomBytes(32), id);
        await pg.raw(`UPDATE whatsapp_auth_state SET ciphertext = ? WHERE session_id = ?`, [foreign, id]);
        const sockets = fake.sockets.length;
        await boot.ensureSupervisor(getContainer());
        const stopped = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "stopped", "stopped");
        expect(stopped).toMatchObject({ enabled: false, alerts: [{ kind: "authState" }] });
        expect(stopped.alerts[0].message).toContain("did not decrypt");
        expect(fake.sockets.length).toBe(sockets);
        await api.delete(`/admin/whatsapp/sessions/${id}`, as.owner);
      } finally {
        baileysSocket.useBaileysPartsForTests(null);
      }
    });

    it("lets only owners and managers manage sessions", async () => {
      const r = await settle(api.post("/admin/whatsapp/sessions", { name: "Nope", kind: "simulator" }, as.technician));
      expect(r.status).toBe(403);
      const bad = await settle(api.post("/admin/whatsapp/sessions", { name: "", kind: "telegram" }, as.owner));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("name");
      expect(bad.data.message).toContain("kind");
    });
  },
});
