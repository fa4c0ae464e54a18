import path from "node:path";
import Long from "long";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import { PICKUP_REMINDERS, QUOTE_CONFIRMATION, TASK_QUEUES, type PickupFlowState, type QuoteFlowState } from "@voltura/domain";
import { CommerceClient } from "@voltura/medusa-client";
import { JWT_SECRET, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, seedBillingFixture, type BillingFixture } from "./repair-billing.fixtures";
import { recordEvents, until } from "./whatsapp-helpers";

// A namespace of its own per run: this suite runs a worker on the repair task queue, which must take
// no workflow task of another suite or run on the same Temporal server; and a fresh database
// numbers jobs from 000001 again, so workflow ids of an earlier run must not be in sight.
const NAMESPACE = `voltura-it-flows-${Date.now().toString(36)}`;
process.env.TEMPORAL_NAMESPACE = NAMESPACE;
const ADDRESS = process.env.TEMPORAL_ADDRESS ?? "127.0.0.1:7233";
const builtWorkflows = path.resolve(__dirname, "../../../workflows/dist/workflows.js");

interface Sent { idempotencyKey: string; to: string; body: string; context?: { kind: string; ref?: string } }

async function ensureNamespace(connection: Connection): Promise<void> {
  try {
    await connection.workflowService.registerNamespace({ namespace: NAMESPACE, workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) } });
  } catch (err) {
    if ((err as { code?: number }).code !== 6) throw err; // ALREADY_EXISTS
  }
  const client = new Client({ connection, namespace: NAMESPACE });
  for (let i = 0; ; i++) {
    try {
      await client.workflow.count();
      return;
    } catch (err) {
      if (i > 60) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Polls until `check` stops throwing: the worker runs the flows asynchronously. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_flows",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders;
    let cashier: StaffHeaders;
    let connection: Connection;
    let temporal: Client;
    let worker: Worker;
    let workerRun: Promise<void>;
    const sent: Sent[] = [];

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
      connection = await Connection.connect({ address: ADDRESS });
      await ensureNamespace(connection);
      temporal = new Client({ connection, namespace: NAMESPACE });

      // The worker as production wires it (real repair-flow activities calling this commerce over
      // HTTP as the system actor); only the WhatsApp send is recorded instead of delivered.
      const { createActivities } = await import("@voltura/temporal-worker");
      Runtime.install({ logger: new DefaultLogger("WARN") });
      const commerce = new CommerceClient({
        baseUrl: String(api.defaults.baseURL),
        jwtSecret: JWT_SECRET,
        actor: { id: "system:temporal-worker", role: "system", name: "Temporal worker" },
      });
      worker = await Worker.create({
        connection: await NativeConnection.connect({ address: ADDRESS }),
        namespace: NAMESPACE,
        taskQueue: TASK_QUEUES.repair,
        workflowsPath: builtWorkflows,
        activities: {
          ...createActivities({ commerce }),
          sendWhatsApp: async (input: Sent) => {
            sent.push(input);
            return { messageId: `wa_msg_${sent.length}`, waMessageId: null, status: "sent" as const };
          },
        },
      });
      workerRun = worker.run();
    });

    afterAll(async () => {
      worker?.shutdown();
      await workerRun;
      await connection?.close();
    });

    beforeEach(async () => {
      tech = await newStaffHeaders(getContainer(), "technician");
      cashier = await newStaffHeaders(getContainer(), "cashier");
    });

    /**
     * Fee + screen + labour on the bench, quote sent: RM496.80 with SST. Without the part, completion
     * moves no stock (these tests are about the flows, not the stock ledger).
     */
    async function quotedJob({ withPart = true } = {}) {
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech);
      if (withPart) await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);
      return job;
    }

    it("sending a quote starts quote-<jobNumber>, which sends it; a counter decision ends it", async () => {
      const job = await quotedJob();
      const handle = temporal.workflow.getHandle(QUOTE_CONFIRMATION.workflowId(job.job_number));
      expect(handle.workflowId).toBe(`quote-${job.job_number}`);
      const description = await handle.describe();
      expect(description.type).toBe(QUOTE_CONFIRMATION.workflowType);
      expect(description.taskQueue).toBe(TASK_QUEUES.repair);

      const quoteMessage = await eventually(async () => {
        const message = sent.find((s) => s.idempotencyKey === `quote:${job.id}:v1`);
        expect(message).toBeDefined();
        return message!;
      });
      expect(quoteMessage).toMatchObject({ to: "+60123456789", context: { kind: "quote", ref: job.job_number } });
      expect(quoteMessage.body).toMatch(/Jumlah: RM\s?496\.80/);
      expect(quoteMessage.body).toContain("Balas SETUJU atau TAK SETUJU");
      await eventually(async () => expect((await handle.query<QuoteFlowState>(QUOTE_CONFIRMATION.query)).phase).toBe("awaiting_reply"));

      await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      const result = (await handle.result()) as QuoteFlowState;
      expect(result).toMatchObject({ phase: "decided", decision: "approve", decidedVia: "counter", version: 1 });
      const history = await handle.fetchHistory();
      const signals = (history.events ?? []).flatMap((e) => (e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : []));
      expect(signals).toEqual([QUOTE_CONFIRMATION.signals.counterDecision]);

      const flows = await api.get(`/admin/repair-jobs/${job.id}/flows`, cashier);
      expect(flows.data.namespace).toBe(NAMESPACE);
      expect(flows.data.flows).toEqual([
        expect.objectContaining({ kind: "quote", workflow_id: `quote-${job.job_number}`, version: 1, status: "COMPLETED", state: expect.objectContaining({ decidedVia: "counter" }) }),
      ]);
    });

    it("a customer's WhatsApp reply is recorded through commerce and confirmed", async () => {
      const job = await quotedJob();
      const handle = temporal.workflow.getHandle(QUOTE_CONFIRMATION.workflowId(job.job_number));
      await eventually(async () => expect((await handle.query<QuoteFlowState>(QUOTE_CONFIRMATION.query)).phase).toBe("awaiting_reply"));

      // What the concierge's conversation workflow sends when the customer answers "tak nak".
      await handle.signal(QUOTE_CONFIRMATION.signals.customerReply, { decision: "reject", messageId: "wa_msg_in_1", text: "tak nak" });
      expect(await handle.result()).toMatchObject({ phase: "decided", decision: "reject", decidedVia: "whatsapp" });

      const detail = await api.get(`/admin/repair-jobs/${job.id}`, cashier);
      expect(detail.data.repair_job.status).toBe("returned_unrepaired");
      const billing = await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier);
      expect(billing.data.billing.quote).toMatchObject({ status: "rejected", decision_channel: "whatsapp", decided_by: "Temporal worker" });
      expect(billing.data.billing.quote.decision_note).toContain('"tak nak"');
      const confirmation = sent.find((s) => s.idempotencyKey === `quote:${job.id}:v1:confirmation`);
      expect(confirmation?.body).toContain("ditolak");
    });

    it("a simulated \"setuju\" decides nothing while the shop has a real WhatsApp number, and approves in the demo", async () => {
      const owner = await newStaffHeaders(getContainer(), "owner");
      const manager = await newStaffHeaders(getContainer(), "manager");
      const events = recordEvents(getContainer(), ["whatsapp.message.received"]);
      await api.post("/admin/whatsapp/sessions", { name: "Demo simulator", kind: "simulator", is_default: true, paired: true }, owner);
      const whatsapp = getContainer().resolve("whatsapp") as {
        createWhatsAppSessions(data: Record<string, unknown>): Promise<{ id: string }>;
        deleteWhatsAppSessions(id: string): Promise<void>;
      };
      const job = await quotedJob({ withPart: false });
      const handle = temporal.workflow.getHandle(QUOTE_CONFIRMATION.workflowId(job.job_number));
      await eventually(async () => expect((await handle.query<QuoteFlowState>(QUOTE_CONFIRMATION.query)).phase).toBe("awaiting_reply"));

      // A real number is configured (not even connected): staff typing "setuju" in the simulator is not the customer.
      const real = await whatsapp.createWhatsAppSessions({ name: "Shop phone", kind: "baileys", enabled: false, state: "stopped", alerts: [] });
      try {
        const fake = await api.post("/admin/whatsapp/simulator/inbound", { from: "+60123456789", body: "Setuju" }, manager);
        expect(fake.data.message).toMatchObject({ simulated: true, body: "Setuju" });
        await until(() => events["whatsapp.message.received"]!.filter((e) => e.message_id === fake.data.message.id), (e) => e.length === 1, "the received event");
        expect(events["whatsapp.message.received"]!.find((e) => e.message_id === fake.data.message.id)).toMatchObject({ simulated: true, counts_as_customer: false });
        // A reply that counted would be recorded within a second or two.
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        expect((await handle.query<QuoteFlowState>(QUOTE_CONFIRMATION.query)).phase).toBe("awaiting_reply");
        const billing = await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier);
        expect(billing.data.billing.quote.status).toBe("sent");
        expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.status).toBe("awaiting_approval");
        const log = await api.get("/admin/whatsapp/messages?phone=%2B60123456789&direction=in", manager);
        expect(log.data.messages.find((m: { id: string }) => m.id === fake.data.message.id)).toMatchObject({ simulated: true });
      } finally {
        await whatsapp.deleteWhatsAppSessions(real.id);
      }

      // Only simulator numbers (the demo): the same reply goes through to the quote flow.
      await api.post("/admin/whatsapp/simulator/inbound", { from: "+60123456789", body: "Setuju" }, manager);
      expect(await handle.result()).toMatchObject({ phase: "decided", decision: "approve", decidedVia: "whatsapp" });
      expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.status).toBe("in_progress");
    });

    it("Completed starts pickup-<jobNumber> with the shop's cadence; Delivered ends it", async () => {
      const job = await quotedJob({ withPart: false });
      await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);

      const handle = temporal.workflow.getHandle(PICKUP_REMINDERS.workflowId(job.job_number));
      expect((await handle.describe()).type).toBe(PICKUP_REMINDERS.workflowType);
      const waiting = await eventually(async () => {
        const state = await handle.query<PickupFlowState>(PICKUP_REMINDERS.query);
        expect(state.next?.day).toBe(1);
        return state;
      });
      expect(waiting).toMatchObject({ jobNumber: job.job_number, phase: "waiting", sent: [] });

      const billing = await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier);
      await api.post(`/admin/repair-jobs/${job.id}/pickup`, {
        collected_by: "Aisyah Rahman", payments: [{ method: "card", amount_sen: billing.data.billing.invoice.amount_due_sen }],
      }, cashier);
      expect(await handle.result()).toMatchObject({ phase: "stopped", stoppedBy: "picked_up", sent: [] });
    });

    it("a contact who opts out on WhatsApp stops their pickup reminders", async () => {
      const job = await quotedJob({ withPart: false });
      await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      const handle = temporal.workflow.getHandle(PICKUP_REMINDERS.workflowId(job.job_number));

      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "whatsapp.contact.opted_out", data: { phone: "+60123456789", customer_id: job.customer_id } });
      expect(await handle.result()).toMatchObject({ phase: "stopped", stoppedBy: "opted_out" });
    });
  },
});
