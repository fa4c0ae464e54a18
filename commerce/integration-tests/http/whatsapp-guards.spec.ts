import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { createFakeBaileys } from "@voltura/whatsapp-transport/testing";
import { sendWhatsAppMessageWorkflow } from "@voltura/plugin-whatsapp/workflows";
import { settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { baileysSocket, boot, recordEvents, until } from "./whatsapp-helpers";

process.env.WHATSAPP_AUTH_STATE_KEY ||= randomBytes(32).toString("hex");

/** A media host on loopback that counts what it serves (and can redirect, like a hostile host would). */
function mediaHost(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/bounce.pdf") {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/pdf" }).end(Buffer.from("%PDF-1.4 price list"));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })));
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_guards",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let simulatorId: string;
    let events: ReturnType<typeof recordEvents>;
    const whatsapp = () => getContainer().resolve("whatsapp") as {
      createWhatsAppSessions(data: Record<string, unknown>): Promise<{ id: string }>;
      deleteWhatsAppSessions(id: string): Promise<void>;
      listWhatsAppContacts(filter: Record<string, unknown>): Promise<Array<{ opted_out_at: Date | null }>>;
    };
    /** A real (Baileys) number that is configured but not connected: enough to make the shop "live". */
    const realNumber = () => whatsapp().createWhatsAppSessions({ name: "Shop phone", kind: "baileys", enabled: false, state: "stopped", alerts: [] });

    beforeAll(async () => {
      events = recordEvents(getContainer(), ["whatsapp.message.received", "whatsapp.contact.opted_out"]);
    });

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      const sessions = await api.get("/admin/whatsapp/sessions", as.manager);
      const existing = sessions.data.sessions.find((s: { name: string }) => s.name === "Shop (simulator)");
      simulatorId = existing?.id ?? (await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
    });

    it("only owners and managers write in the simulator or fake receipts", async () => {
      const sent = await api.post("/admin/whatsapp/messages", { to: "+60123450101", body: "Your phone is ready", idempotency_key: "guards:roles:1" }, as.cashier);
      for (const who of [as.cashier, as.technician]) {
        const inbound = await settle(api.post("/admin/whatsapp/simulator/inbound", { from: "+60123450101", body: "setuju" }, who));
        expect(inbound.status).toBe(403);
        const receipt = await settle(api.post(`/admin/whatsapp/simulator/messages/${sent.data.message.id}/receipt`, { status: "read" }, who));
        expect(receipt.status).toBe(403);
      }
      const log = await api.get("/admin/whatsapp/messages?phone=%2B60123450101", as.manager);
      expect(log.data.messages.filter((m: { direction: string }) => m.direction === "in")).toHaveLength(0);
      expect(log.data.messages[0].status).toBe("sent");

      for (const who of [as.owner, as.manager]) {
        const ok = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60123450101", body: "hello" }, who);
        expect(ok.status).toBe(201);
        expect(ok.data.message.simulated).toBe(true);
      }
    });

    it("WHATSAPP_SIMULATOR=off switches the simulator off", async () => {
      const sent = await api.post("/admin/whatsapp/messages", { to: "+60123450102", body: "Quote ready", idempotency_key: "guards:off:1" }, as.manager);
      process.env.WHATSAPP_SIMULATOR = "off";
      try {
        const inbound = await settle(api.post("/admin/whatsapp/simulator/inbound", { from: "+60123450102", body: "setuju" }, as.owner));
        expect(inbound.status).toBe(404);
        expect(inbound.data.message).toContain("WHATSAPP_SIMULATOR=off");
        const receipt = await settle(api.post(`/admin/whatsapp/simulator/messages/${sent.data.message.id}/receipt`, { status: "read" }, as.owner));
        expect(receipt.status).toBe(404);
        const scan = await settle(api.post(`/admin/whatsapp/sessions/${simulatorId}/scan`, {}, as.owner));
        expect(scan.status).toBe(404);
        const create = await settle(api.post("/admin/whatsapp/sessions", { name: "Another sim", kind: "simulator" }, as.owner));
        expect(create.status).toBe(400);
        expect(create.data.message).toContain("kind");
        expect((await api.get("/admin/whatsapp/health", as.manager)).data.simulator_enabled).toBe(false);
        // Nothing goes out through a simulator any more.
        const send = await settle(api.post("/admin/whatsapp/messages", { to: "+60123450102", body: "x", idempotency_key: "guards:off:2" }, as.manager));
        expect(send.status).toBe(404);
      } finally {
        delete process.env.WHATSAPP_SIMULATOR;
        // Switched back on: the simulator session connects again on the next pass.
        const supervisor = await boot.ensureSupervisor(getContainer());
        await until(async () => {
          await supervisor.reconcileNow();
          return supervisor.simulator(simulatorId)?.state;
        }, (state) => state === "open", "the simulator to reconnect");
      }
      expect((await api.get("/admin/whatsapp/health", as.manager)).data.simulator_enabled).toBe(true);
    });

    it("a receipt for a message of a real number is 409: only WhatsApp reports those", async () => {
      const real = await realNumber();
      try {
        const { result } = await sendWhatsAppMessageWorkflow(getContainer()).run({
          input: { session_id: real.id, phone: "+60123450103", customer_id: null, body: "Sent on the real number", media: null, idempotency_key: "guards:receipt:real", context_kind: "staff", context_ref: null },
        });
        const receipt = await settle(api.post(`/admin/whatsapp/simulator/messages/${result.message.id}/receipt`, { status: "read" }, as.manager));
        expect(receipt.status).toBe(409);
        expect(receipt.data.code).toBe("not_simulated");
        const log = await api.get("/admin/whatsapp/messages?phone=%2B60123450103", as.manager);
        expect(log.data.messages[0]).toMatchObject({ id: result.message.id, status: "pending" });
      } finally {
        await whatsapp().deleteWhatsAppSessions(real.id);
      }
    });

    it("while the shop has a real number, a simulated STOP is logged and flagged but opts nobody out", async () => {
      const real = await realNumber();
      let stop;
      try {
        stop = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60133330105", body: "STOP" }, as.manager);
        expect(stop.data.message).toMatchObject({ simulated: true, body: "STOP" });
        const [received] = await until(() => events["whatsapp.message.received"]!.filter((e) => e.message_id === stop!.data.message.id), (e) => e.length === 1, "the received event");
        expect(received).toMatchObject({ simulated: true, counts_as_customer: false });
      } finally {
        await whatsapp().deleteWhatsAppSessions(real.id);
      }
      const [contact] = await whatsapp().listWhatsAppContacts({ phone: "+60133330105" });
      expect(contact!.opted_out_at).toBeNull();
      expect(events["whatsapp.contact.opted_out"]!.filter((e) => e.phone === "+60133330105")).toEqual([]);
      const log = await api.get("/admin/whatsapp/messages?phone=%2B60133330105", as.technician);
      expect(log.data.messages[0]).toMatchObject({ body: "STOP", simulated: true });

      // With only simulator numbers (the demo), a simulated STOP does opt out.
      const demo = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60133330105", body: "STOP" }, as.manager);
      await until(() => events["whatsapp.contact.opted_out"]!.filter((e) => e.phone === "+60133330105"), (e) => e.length === 1, "the opt-out event");
      const [optedOut] = await whatsapp().listWhatsAppContacts({ phone: "+60133330105" });
      expect(optedOut!.opted_out_at).not.toBeNull();
      expect(events["whatsapp.message.received"]!.find((e) => e.message_id === demo.data.message.id)).toMatchObject({ counts_as_customer: true });
    });

    it("only owners and managers see a pairing QR or pair a number", async () => {
      const fake = createFakeBaileys();
      baileysSocket.useBaileysPartsForTests(async () => ({ socketFactory: fake.socketFactory, initAuthCreds: fake.initAuthCreds, reviveKey: (_t, v) => v }));
      try {
        const id = (await api.post("/admin/whatsapp/sessions", { name: "Counter phone", kind: "baileys" }, as.owner)).data.session.id;
        const seen = await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "pairing" && Boolean(s.qr), "a QR code");
        expect(seen.qr).toMatch(/^2@fake-qr/);
        for (const who of [as.technician, as.cashier]) {
          const one = await api.get(`/admin/whatsapp/sessions/${id}`, who);
          expect(one.data.session).toMatchObject({ state: "pairing", qr: null });
          const list = await api.get("/admin/whatsapp/sessions", who);
          expect(list.data.sessions.find((s: { id: string }) => s.id === id).qr).toBeNull();
          const health = await api.get("/admin/whatsapp/health", who);
          expect(health.data.sessions.find((s: { id: string }) => s.id === id)).toMatchObject({ state: "pairing", qr: null });
          expect((await settle(api.post(`/admin/whatsapp/sessions/${id}/pair`, {}, who))).status).toBe(403);
          expect((await settle(api.delete(`/admin/whatsapp/sessions/${id}`, who))).status).toBe(403);
        }
        await api.delete(`/admin/whatsapp/sessions/${id}`, as.owner);
      } finally {
        baileysSocket.useBaileysPartsForTests(null);
      }
    });

    describe("media URLs (SSRF)", () => {
      let host: Awaited<ReturnType<typeof mediaHost>>;
      beforeAll(async () => {
        host = await mediaHost();
      });
      afterAll(async () => {
        await new Promise((resolve) => host.server.close(resolve));
      });
      afterEach(() => {
        delete process.env.WHATSAPP_MEDIA_ALLOWED_HOSTS;
      });

      const send = (key: string, media: Record<string, unknown>, sessionId?: string) =>
        settle(api.post("/admin/whatsapp/messages", {
          to: "+60123450104", body: "Price list", idempotency_key: key, media: { mimetype: "application/pdf", ...media }, ...(sessionId ? { session_id: sessionId } : {}),
        }, as.manager));

      it("refuses internal and foreign URLs with 400 naming the field, and stores nothing", async () => {
        for (const [i, url] of [
          "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
          "http://127.0.0.1:55432/",
          "http://localhost:9000/admin/users",
          `${host.origin}/price-list.pdf`, // loopback server, but not on the allowlist
          "file:///etc/passwd",
        ].entries()) {
          const r = await send(`guards:ssrf:bad:${i}`, { url });
          expect(r.status, url).toBe(400);
          expect(r.data.message, url).toContain("media.url");
        }
        const unknownFile = await send("guards:ssrf:bad:file", { file_id: "no-such-file.pdf" });
        expect(unknownFile.status).toBe(400);
        expect(unknownFile.data.message).toContain("media.file_id");
        const log = await api.get("/admin/whatsapp/messages?phone=%2B60123450104", as.manager);
        expect(log.data.count).toBe(0);
        expect(host.hits).toEqual([]);
      });

      it("accepts the shop's uploaded files (by URL or id), and hosts on WHATSAPP_MEDIA_ALLOWED_HOSTS", async () => {
        const [file] = await getContainer().resolve(Modules.FILE).createFiles([
          { filename: "price-list.pdf", mimeType: "application/pdf", content: Buffer.from("%PDF-1.4").toString("base64"), access: "public" },
        ]);
        const byUrl = await send("guards:ssrf:file-url", { url: file!.url });
        expect(byUrl.status).toBe(201);
        const byId = await send("guards:ssrf:file-id", { file_id: file!.id });
        expect(byId.status).toBe(201);
        expect(byId.data.message.media).toMatchObject({ url: file!.url, file_id: file!.id });

        process.env.WHATSAPP_MEDIA_ALLOWED_HOSTS = `cdn.example.com, ${new URL(host.origin).host}`;
        const allowed = await send("guards:ssrf:allowed", { url: `${host.origin}/price-list.pdf` });
        expect(allowed.status).toBe(201);
        expect(allowed.data.message.media.url).toBe(`${host.origin}/price-list.pdf`);
      });

      it("a real number gets the bytes the gateway fetched itself, and never follows a redirect", async () => {
        process.env.WHATSAPP_MEDIA_ALLOWED_HOSTS = new URL(host.origin).host;
        const fake = createFakeBaileys();
        baileysSocket.useBaileysPartsForTests(async () => ({ socketFactory: fake.socketFactory, initAuthCreds: fake.initAuthCreds, reviveKey: (_t, v) => v }));
        try {
          const id = (await api.post("/admin/whatsapp/sessions", { name: "Media phone", kind: "baileys" }, as.owner)).data.session.id;
          await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "pairing", "pairing");
          fake.latest().pair();
          await until(async () => (await api.get(`/admin/whatsapp/sessions/${id}`, as.manager)).data.session, (s) => s.state === "open", "open");

          const ok = await send("guards:ssrf:baileys:ok", { url: `${host.origin}/price-list.pdf`, filename: "price-list.pdf" }, id);
          expect(ok.status).toBe(201);
          expect(host.hits).toContain("/price-list.pdf");
          const sentDoc = fake.latest().sent.find((m) => "document" in (m.content as object))!.content as { document: unknown };
          expect(Buffer.isBuffer(sentDoc.document) || sentDoc.document instanceof Uint8Array).toBe(true);
          expect(Buffer.from(sentDoc.document as Uint8Array).toString()).toBe("%PDF-1.4 price list");

          const bounced = await send("guards:ssrf:baileys:bounce", { url: `${host.origin}/bounce.pdf` }, id);
          expect(bounced.status).toBe(503);
          expect(fake.latest().sent.filter((m) => "document" in (m.content as object))).toHaveLength(1);
          await api.delete(`/admin/whatsapp/sessions/${id}`, as.owner);
        } finally {
          baileysSocket.useBaileysPartsForTests(null);
        }
      });
    });
  },
});
