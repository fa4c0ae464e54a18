import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { sendWhatsAppMessageWorkflow } from "@voltura/plugin-whatsapp/workflows";
import { settle, type Pg } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { boot, until } from "./whatsapp-helpers";

// Every message the simulator hands to "WhatsApp", in a file that outlives a restarted gateway.
const WIRE = path.join(mkdtempSync(path.join(tmpdir(), "wa-wire-")), "wire.jsonl");
process.env.WHATSAPP_SIMULATOR_WIRE_LOG = WIRE;

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
const recovery = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/send-recovery") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/send-recovery");

interface Row {
  id: string;
  status: string;
  wa_message_id: string | null;
  lease_until: Date | null;
  claimed_by: string | null;
  send_attempts: number;
}

/** Crashes between the steps of a WhatsApp send, and what a same-key retry or the recovery makes of them. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_whatsapp_send_recovery",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let sessionId: string;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    const wireIds = (waId: string | null) =>
      existsSync(WIRE) ? readFileSync(WIRE, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).wa_message_id as string).filter((id) => id === waId) : [];
    const rowsOf = async (key: string) =>
      (await pg().raw<Row>(`SELECT id, status, wa_message_id, lease_until, claimed_by, send_attempts FROM whatsapp_message WHERE idempotency_key = ?`, [key])).rows;
    const body = (key: string, to: string) => ({ to, body: `Telefon anda siap (${key})`, idempotency_key: key, context: { kind: "staff" } });

    /** The request stored the message and died: a committed pending row, nobody sending it. */
    async function crashAfterReserve(key: string, to: string): Promise<Row> {
      await boot.stopSupervisor();
      await sendWhatsAppMessageWorkflow(getContainer()).run({
        input: { session_id: sessionId, phone: to, customer_id: null, body: `Telefon anda siap (${key})`, media: null, idempotency_key: key, context_kind: "staff", context_ref: null },
      });
      const [row] = await rowsOf(key);
      expect(row).toMatchObject({ status: "pending", wa_message_id: null, claimed_by: null });
      return row!;
    }

    /** A fresh gateway (the restarted process): no memory of earlier sends, owning the open session. */
    async function restartGateway() {
      await boot.stopSupervisor();
      const supervisor = await boot.ensureSupervisor(getContainer());
      await until(() => supervisor.simulator(sessionId)?.state, (state) => state === "open", "the session to open");
      return supervisor;
    }

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      const sessions = await api.get("/admin/whatsapp/sessions", as.manager);
      const existing = sessions.data.sessions.find((s: { name: string }) => s.name === "Shop (simulator)");
      sessionId = existing?.id ?? (await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner)).data.session.id;
      await restartGateway();
    });

    it("a send stored before the crash goes out once, on the caller's retry with the same key", async () => {
      const key = "it:recover:reserve";
      const row = await crashAfterReserve(key, "+60123460001");
      await restartGateway();
      const [a, b] = await Promise.all([1, 2].map(() => settle(api.post("/admin/whatsapp/messages", body(key, "+60123460001"), as.technician))));
      expect([a!.status, b!.status]).toEqual([200, 200]);
      expect(new Set([a!.data.message.id, b!.data.message.id])).toEqual(new Set([row.id]));
      const [after] = await rowsOf(key);
      expect(after).toMatchObject({ id: row.id, status: "sent", claimed_by: null, lease_until: null, send_attempts: 1 });
      expect(wireIds(after!.wa_message_id)).toHaveLength(1);
      const again = await api.post("/admin/whatsapp/messages", body(key, "+60123460001"), as.technician);
      expect(again.data.message).toMatchObject({ id: row.id, status: "sent" });
      expect(wireIds(after!.wa_message_id)).toHaveLength(1);
      expect(await rowsOf(key)).toHaveLength(1);
    });

    it("a claim left by a process that died before sending is put back and sent once by the outbox", async () => {
      const key = "it:recover:claimed";
      const row = await crashAfterReserve(key, "+60123460002");
      const deadClaim = () => pg().raw(
        `UPDATE whatsapp_message SET claimed_by = 'dead-process', lease_until = now() - interval '1 second', send_attempts = 1,
           wa_message_id = 'SIMDEADBEEF0000001', created_at = now() - interval '1 minute' WHERE id = ?`, [row.id]);
      // It claimed the row (fixing its WhatsApp id) and died before the socket got it: the gateway's start puts it back …
      await deadClaim();
      const supervisor = await restartGateway();
      expect((await rowsOf(key))[0]).toMatchObject({ status: "pending", claimed_by: null, lease_until: null });
      // … and so does the scheduled job for a claim that runs out while the gateway runs.
      await deadClaim();
      const { released } = await recovery.recoverWhatsAppSends(getContainer());
      expect(released).toContain(row.id);
      await supervisor.reconcileNow();
      const [after] = await until(() => rowsOf(key), ([r]) => r!.status === "sent", "the outbox to send it");
      // The id fixed by the first claim is kept: receipts of either attempt land on this row.
      expect(after).toMatchObject({ status: "sent", wa_message_id: "SIMDEADBEEF0000001", claimed_by: null, send_attempts: 2 });
      expect(wireIds("SIMDEADBEEF0000001")).toHaveLength(1);
      await supervisor.reconcileNow();
      expect(wireIds("SIMDEADBEEF0000001")).toHaveLength(1);
    });

    it("a live claim elsewhere is left alone: neither a retry nor the outbox sends until its lease runs out", async () => {
      const key = "it:recover:held";
      const row = await crashAfterReserve(key, "+60123460003");
      await pg().raw(
        `UPDATE whatsapp_message SET claimed_by = 'other-process', lease_until = now() + interval '30 seconds', send_attempts = 1,
           created_at = now() - interval '1 minute' WHERE id = ?`, [row.id]);
      const supervisor = await restartGateway();
      const retry = await api.post("/admin/whatsapp/messages", body(key, "+60123460003"), as.technician);
      expect(retry.status).toBe(200);
      expect(retry.data.message).toMatchObject({ id: row.id, status: "pending" });
      await supervisor.reconcileNow();
      expect((await recovery.recoverWhatsAppSends(getContainer())).released).not.toContain(row.id);
      expect((await rowsOf(key))[0]).toMatchObject({ status: "pending", claimed_by: "other-process" });
      // The other process died: its lease runs out and the retry takes over.
      await pg().raw(`UPDATE whatsapp_message SET lease_until = now() - interval '1 second' WHERE id = ?`, [row.id]);
      const taken = await api.post("/admin/whatsapp/messages", body(key, "+60123460003"), as.technician);
      expect(taken.data.message).toMatchObject({ id: row.id, status: "sent" });
      expect(wireIds(taken.data.message.wa_message_id)).toHaveLength(1);
    });

    it("sent to the socket but not recorded: the resend carries the same WhatsApp id, and a receipt that came first stops it", async () => {
      // (a) The process died right after WhatsApp took the message: at least once, under one id.
      const key = "it:recover:unrecorded";
      const row = await crashAfterReserve(key, "+60123460004");
      let supervisor = await restartGateway();
      const waId = supervisor.messageIdFor(sessionId, key);
      await pg().raw(
        `UPDATE whatsapp_message SET claimed_by = 'dying', lease_until = now() + interval '30 seconds', send_attempts = 1, wa_message_id = ?,
           created_at = now() - interval '1 minute' WHERE id = ?`, [waId, row.id]);
      await supervisor.transmit({ session_id: sessionId, phone: "+60123460004", body: `Telefon anda siap (${key})`, media: null, idempotency_key: key, wa_message_id: waId });
      await pg().raw(`UPDATE whatsapp_message SET lease_until = now() - interval '1 second' WHERE id = ?`, [row.id]);
      supervisor = await restartGateway();
      await supervisor.reconcileNow();
      const [after] = await until(() => rowsOf(key), ([r]) => r!.status === "sent", "recovery to finish it");
      expect(after!.wa_message_id).toBe(waId);
      expect(wireIds(waId)).toEqual([waId, waId]);

      // (b) WhatsApp's "sent" receipt for the id arrived before the crash: the row is done, nothing goes again.
      const key2 = "it:recover:receipted";
      const row2 = await crashAfterReserve(key2, "+60123460005");
      supervisor = await restartGateway();
      const waId2 = supervisor.messageIdFor(sessionId, key2);
      if (!waId2) throw new Error("a simulator session chooses its WhatsApp message ids");
      await pg().raw(
        `UPDATE whatsapp_message SET claimed_by = 'dying', lease_until = now() + interval '30 seconds', send_attempts = 1, wa_message_id = ?,
           created_at = now() - interval '1 minute' WHERE id = ?`, [waId2, row2.id]);
      await supervisor.transmit({ session_id: sessionId, phone: "+60123460005", body: `Telefon anda siap (${key2})`, media: null, idempotency_key: key2, wa_message_id: waId2 });
      supervisor.simulator(sessionId)!.simulateReceipt(waId2, "sent");
      await until(() => rowsOf(key2), ([r]) => r!.status === "sent", "the receipt to be recorded");
      await pg().raw(`UPDATE whatsapp_message SET lease_until = now() - interval '1 second' WHERE id = ?`, [row2.id]);
      supervisor = await restartGateway();
      await recovery.recoverWhatsAppSends(getContainer());
      await supervisor.reconcileNow();
      expect(wireIds(waId2)).toHaveLength(1);
      expect(await rowsOf(key2)).toHaveLength(1);
    });

    it("the outbox gives up on a message that keeps failing, after the last attempt, and says why", async () => {
      const key = "it:recover:hopeless";
      const row = await crashAfterReserve(key, "+60123460006");
      // A recipient the transport refuses (not E.164 for WhatsApp): every attempt fails.
      await pg().raw(`UPDATE whatsapp_message SET phone = '60123', send_attempts = 7, created_at = now() - interval '1 minute' WHERE id = ?`, [row.id]);
      const supervisor = await restartGateway();
      await supervisor.reconcileNow();
      const [after] = await until(() => rowsOf(key), ([r]) => r!.status !== "pending", "the outbox to give up");
      expect(after).toMatchObject({ status: "failed", claimed_by: null, lease_until: null, send_attempts: 8 });
      const { rows } = await pg().raw(`SELECT error FROM whatsapp_message WHERE id = ?`, [row.id]);
      expect(String(rows[0]!.error)).toContain("WhatsApp did not take the message");
    });
  },
});
