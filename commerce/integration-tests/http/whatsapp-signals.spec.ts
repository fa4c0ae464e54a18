import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { authHeaders, settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { boot, recordEvents, until } from "./whatsapp-helpers";

/**
 * The number's signals for campaign pacing: typing presence, WhatsApp's limits (timelock, new-chat
 * cap) on the session, and sends refused with 463 / 401 / 403 as typed, counted failures.
 */
medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_signals",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let asSystem: Headers;
    let sessionId: string;
    let events: ReturnType<typeof recordEvents>;

    beforeAll(async () => {
      events = recordEvents(getContainer(), ["whatsapp.message.status"]);
    });

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      asSystem = await authHeaders("system:campaigns", "system");
      const sessions = await api.get("/admin/whatsapp/sessions", as.manager);
      const existing = sessions.data.sessions.find((s: { name: string }) => s.name === "Campaign sender");
      sessionId = existing?.id ?? (await api.post("/admin/whatsapp/sessions", { name: "Campaign sender", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
    });

    const simulator = async () => (await boot.ensureSupervisor(getContainer())).simulator(sessionId)!;
    const sessionLimits = async () => {
      const { data } = await api.get("/admin/whatsapp/sessions", as.manager);
      return data.sessions.find((s: { id: string }) => s.id === sessionId).limits;
    };

    it("shows typing for the pacer, 400 naming the field, 403 for cashiers, 404/503 for sessions it cannot use", async () => {
      const sim = await simulator();
      const ok = await api.post(`/admin/whatsapp/sessions/${sessionId}/presence`, { to: "012-345 6789", state: "composing" }, asSystem);
      expect(ok.status).toBe(200);
      expect(ok.data).toEqual({ session_id: sessionId, to: "+60123456789", state: "composing" });
      expect(sim.presenceUpdates().at(-1)).toMatchObject({ to: "+60123456789", state: "composing" });
      expect((await api.post(`/admin/whatsapp/sessions/${sessionId}/presence`, { to: "+60123456789", state: "paused" }, as.manager)).status).toBe(200);

      const badState = await settle(api.post(`/admin/whatsapp/sessions/${sessionId}/presence`, { to: "+60123456789", state: "typing" }, asSystem));
      expect(badState.status).toBe(400);
      expect(badState.data.message).toContain("state");
      const badPhone = await settle(api.post(`/admin/whatsapp/sessions/${sessionId}/presence`, { to: "12-34", state: "paused" }, asSystem));
      expect(badPhone.status).toBe(400);
      expect(badPhone.data.message).toContain("to");
      expect((await settle(api.post(`/admin/whatsapp/sessions/${sessionId}/presence`, { to: "+60123456789", state: "paused" }, as.cashier))).status).toBe(403);
      expect((await settle(api.post(`/admin/whatsapp/sessions/wa_sess_nope/presence`, { to: "+60123456789", state: "paused" }, asSystem))).status).toBe(404);

      const unpaired = (await api.post("/admin/whatsapp/sessions", { name: "Not paired yet", kind: "simulator", paired: false }, as.owner)).data.session.id;
      const closed = await settle(api.post(`/admin/whatsapp/sessions/${unpaired}/presence`, { to: "+60123456789", state: "composing" }, asSystem));
      expect(closed.status).toBe(503);
      expect(closed.data.code).toBe("session_unavailable");
      await api.delete(`/admin/whatsapp/sessions/${unpaired}`, as.owner);
    });

    it("reads the limits on connect, and stores what WhatsApp announces", async () => {
      const read = await until(sessionLimits, (l) => Boolean(l?.checked_at), "limits read on connect");
      expect(read).toMatchObject({ reachout_timelock_until: null, new_chat_cap: null, failed_463: 0, failed_401: 0, failed_403: 0 });

      const sim = await simulator();
      const until2h = new Date(Date.now() + 2 * 3_600_000).toISOString();
      sim.simulateLimits({ reachoutTimelockUntil: until2h, newChatMessageCap: 30 });
      const locked = await until(sessionLimits, (l) => l.reachout_timelock_until !== null, "announced timelock");
      expect(locked).toMatchObject({ reachout_timelock_until: until2h, new_chat_cap: 30 });
      const health = await api.get("/admin/whatsapp/health", as.technician);
      expect(health.data.sessions.find((s: { id: string }) => s.id === sessionId).limits).toMatchObject({ reachout_timelock_until: until2h });

      // While the simulated timelock runs, WhatsApp refuses sends with 463: typed, failed for good, counted.
      const body = { to: "+60123450463", body: "Promosi skrin", idempotency_key: "it:camp:463", context: { kind: "campaign", ref: "crcp_1" } };
      const refused = await settle(api.post("/admin/whatsapp/messages", body, asSystem));
      expect(refused.status).toBe(422);
      expect(refused.data).toMatchObject({ type: "send_refused", code: "account_restricted", status_code: 463, whatsapp_message: { status: "failed" } });
      const replay = await settle(api.post("/admin/whatsapp/messages", body, asSystem));
      expect(replay.status).toBe(422);
      expect(replay.data.whatsapp_message.id).toBe(refused.data.whatsapp_message.id);
      expect(sim.sentMessages().some((m) => m.to === "+60123450463")).toBe(false);
      expect((await sessionLimits()).failed_463).toBe(1);
      await until(() => events["whatsapp.message.status"]!.filter((e) => e.message_id === refused.data.whatsapp_message.id), (e) => e.length > 0, "status event");
      expect(events["whatsapp.message.status"]!.find((e) => e.message_id === refused.data.whatsapp_message.id)).toMatchObject({ status: "failed", status_code: 463, code: "account_restricted" });

      sim.simulateLimits({ reachoutTimelockUntil: null });
      await until(sessionLimits, (l) => l.reachout_timelock_until === null, "timelock lifted");
    });

    it("401 / 403 refusals at send time and in WhatsApp's acknowledgement count against the number", async () => {
      const sim = await simulator();
      const before = await sessionLimits();
      sim.simulateSendFailure(401);
      const unauthorized = await settle(api.post("/admin/whatsapp/messages", { to: "+60123450401", body: "Hai", idempotency_key: "it:camp:401", context: { kind: "campaign" } }, asSystem));
      expect(unauthorized.data).toMatchObject({ code: "unauthorized", status_code: 401 });

      const sent = await api.post("/admin/whatsapp/messages", { to: "+60123450403", body: "Hai", idempotency_key: "it:camp:403", context: { kind: "campaign" } }, asSystem);
      expect(sent.status).toBe(201);
      sim.simulateFailedAck(sent.data.message.wa_message_id, 403);
      await until(() => events["whatsapp.message.status"]!.filter((e) => e.message_id === sent.data.message.id && e.status === "failed"), (e) => e.length === 1, "ack refusal");
      const after = await sessionLimits();
      expect(after.failed_401 - before.failed_401).toBe(1);
      expect(after.failed_403 - before.failed_403).toBe(1);
      const log = await api.get("/admin/whatsapp/messages?phone=%2B60123450403", as.manager);
      expect(log.data.messages[0]).toMatchObject({ status: "failed", error: expect.stringContaining("403 forbidden") });

      // An ordinary send counts nothing.
      const ordinary = await settle(api.post("/admin/whatsapp/messages", { to: "+60123450999", body: "Hai", idempotency_key: "it:staff:ok" }, as.technician));
      expect(ordinary.status).toBe(201);
      expect((await sessionLimits()).failed_463).toBe(after.failed_463);
    });

    it("the simulator plays WhatsApp's limits over HTTP for demos and tests", async () => {
      const empty = await settle(api.post("/admin/whatsapp/simulator/limits", { session_id: sessionId }, as.manager));
      expect(empty.status).toBe(400);
      expect(empty.data.message).toContain("reachout_timelock_until");
      expect((await settle(api.post("/admin/whatsapp/simulator/limits", { session_id: sessionId, new_chat_cap: 5 }, as.technician))).status).toBe(403);

      const capped = await api.post("/admin/whatsapp/simulator/limits", { session_id: sessionId, new_chat_cap: 25, refuse_next_send: 403 }, as.manager);
      expect(capped.data.session.limits).toMatchObject({ new_chat_cap: 25, reachout_timelock_until: null });
      const refused = await settle(api.post("/admin/whatsapp/messages", { to: "+60123450888", body: "Hai", idempotency_key: "it:camp:sim403", context: { kind: "campaign" } }, asSystem));
      expect(refused.data).toMatchObject({ type: "send_refused", code: "forbidden", status_code: 403 });

      const lockedUntil = new Date(Date.now() + 3_600_000).toISOString();
      const locked = await api.post("/admin/whatsapp/simulator/limits", { session_id: sessionId, reachout_timelock_until: lockedUntil }, as.owner);
      expect(locked.data.session.limits.reachout_timelock_until).toBe(lockedUntil);
      const lifted = await api.post("/admin/whatsapp/simulator/limits", { session_id: sessionId, reachout_timelock_until: null }, as.owner);
      expect(lifted.data.session.limits.reachout_timelock_until).toBeNull();
    });

    it("a contact who opted out gets no campaign message (409), like reminders", async () => {
      await api.post("/admin/whatsapp/contacts/opt-out", { phone: "+60123457777" }, as.manager);
      const blocked = await settle(api.post("/admin/whatsapp/messages", { to: "+60123457777", body: "Promosi", idempotency_key: "it:camp:optout", context: { kind: "campaign" } }, asSystem));
      expect(blocked.status).toBe(409);
      expect(blocked.data.code).toBe("opted_out");
      const receipt = await settle(api.post("/admin/whatsapp/messages", { to: "+60123457777", body: "Resit anda", idempotency_key: "it:receipt:optout", context: { kind: "receipt" } }, asSystem));
      expect(receipt.status).toBe(201);
    });
  },
});
