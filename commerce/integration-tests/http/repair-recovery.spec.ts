import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { asValue } from "@medusajs/framework/awilix";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { Client, Connection } from "@temporalio/client";
import { normalisePhone, PICKUP_REMINDERS, QUOTE_CONFIRMATION, REPAIR_LIFECYCLE, shopYear } from "@voltura/domain";
import { createRepairJobBodySchema } from "@voltura/contracts";
import { adoptExistingStockWorkflow, ledgerCheck } from "@voltura/plugin-inventory/workflows";
import { commitRepairIntake, commitRepairStatusChange, recoverRepairJobs } from "@voltura/plugin-repair/workflows";
import { jobBody, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, seedBillingFixture, stockAt, type BillingFixture } from "./repair-billing.fixtures";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
let keys = 0;
const newKey = (label: string) => `test-${label}-${Date.now()}-${++keys}`;

/** Swaps a container registration for the duration of `fn`. */
async function withRegistration<T>(container: MedusaContainer, key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const real = container.resolve(key);
  container.register(key, asValue(value));
  try {
    return await fn();
  } finally {
    container.register(key, asValue(real));
  }
}

/** The same service with one method failing. */
function failing<T extends object>(service: T, method: string, message: string): T {
  return new Proxy(service, {
    get(target, prop, receiver) {
      if (prop === method) return async () => { throw new Error(message); };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Crashes between the steps of intake and status change, and what a retry or the recovery makes of them. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_recovery",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let desk: StaffHeaders;
    let temporal: Client;
    let connection: Connection;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
      await adoptExistingStockWorkflow(getContainer()).run({ input: { actor_id: "test" } });
      connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? "127.0.0.1:7233" });
      temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? "voltura" });
    });
    afterAll(async () => {
      await connection?.close();
    });
    beforeEach(async () => {
      desk = await newStaffHeaders(getContainer(), "manager");
    });

    const jobRow = async (id: string) => (await pg().raw(`SELECT id, job_number, status, outbox, lease_until FROM repair_job WHERE id = ?`, [id])).rows[0]!;
    const dueKinds = async (id: string) => ((await jobRow(id)).outbox as Array<{ kind: string }>).map((e) => e.kind);
    const expireLease = (id: string) => pg().raw(`UPDATE repair_job SET lease_until = now() - interval '1 second' WHERE id = ?`, [id]);
    const jobsOfKey = async (key: string) => (await pg().raw(`SELECT id FROM repair_job WHERE idempotency_key = ? AND deleted_at IS NULL`, [key])).rows;
    const deviceLinks = async (jobId: string) =>
      Number((await pg().raw(`SELECT count(*)::int AS n FROM crm_device_repair_repair_job WHERE repair_job_id = ? AND deleted_at IS NULL`, [jobId])).rows[0]!.n);
    const customerLinks = async (jobId: string) =>
      Number((await pg().raw(`SELECT count(*)::int AS n FROM customer_customer_repair_repair_job WHERE repair_job_id = ? AND deleted_at IS NULL`, [jobId])).rows[0]!.n);
    /** The lifecycle workflow's first run: started once, whatever ran how often. */
    const lifecycleRun = async (jobNumber: string) => (await temporal.workflow.getHandle(REPAIR_LIFECYCLE.workflowId(jobNumber)).describe()).runId;
    /** Every VSH number of the year up to its counter is used exactly once. */
    async function expectJobNumbersWithoutGaps() {
      const series = `VSH-${shopYear(new Date())}`;
      const { rows } = await pg().raw(`SELECT job_number FROM repair_job WHERE job_number LIKE ? ORDER BY job_number`, [`${series}-%`]);
      const counter = Number((await pg().raw(`SELECT last_value FROM number_series WHERE id = ?`, [series])).rows[0]!.last_value);
      expect(rows.map((r) => Number(String(r.job_number).slice(-6)))).toEqual(Array.from({ length: counter }, (_, i) => i + 1));
    }
    async function expectLedgerBalanced() {
      const check = await ledgerCheck(getContainer());
      expect(check.mismatches).toEqual([]);
    }
    /** A process that died right after the intake's commit (of this body, as the route reads it), its lease run out. */
    async function crashAfterIntakeCommit(body: Record<string, unknown>) {
      const parsed = createRepairJobBodySchema.parse(body);
      const intake = { ...parsed, customer: { name: parsed.customer.name, phone: normalisePhone(parsed.customer.phone) }, created_by: "Test manager" };
      const outcome = await commitRepairIntake(getContainer(), intake, null);
      if (!outcome.committed) throw new Error("the intake did not commit");
      await expireLease(outcome.job_id);
      return outcome.job_id;
    }

    it("intake committed, effects never run: a same-key retry answers the one job and finishes the CRM hook, Temporal start and event once", async () => {
      const key = newKey("intake-retry");
      const body = { ...jobBody({ customer: { name: "Crash Test", phone: "+60123450000" } }), idempotency_key: key };
      const jobId = await crashAfterIntakeCommit(body);
      expect(await dueKinds(jobId)).toEqual(["crm_intake", "lifecycle_start", "event", "event"]);
      expect(await customerLinks(jobId)).toBe(1);
      expect(await deviceLinks(jobId)).toBe(0);

      const retried = await api.post("/admin/repair-jobs", body, desk);
      expect(retried.status).toBe(201);
      expect(retried.data.repair_job.id).toBe(jobId);
      expect(await dueKinds(jobId)).toEqual([]);
      expect(await deviceLinks(jobId)).toBe(1);
      const run = await lifecycleRun(retried.data.repair_job.job_number);

      const again = await api.post("/admin/repair-jobs", body, desk);
      expect(again.data.repair_job.id).toBe(jobId);
      await recoverRepairJobs(getContainer());
      expect(await jobsOfKey(key)).toHaveLength(1);
      expect(await deviceLinks(jobId)).toBe(1);
      expect(await lifecycleRun(retried.data.repair_job.job_number)).toBe(run);

      const reused = await settle(api.post("/admin/repair-jobs", { ...body, issue: "Another issue entirely" }, desk));
      expect(reused.status).toBe(409);
      expect(reused.data).toMatchObject({ type: "idempotency_key_reused", field: "idempotency_key" });
      await expectJobNumbersWithoutGaps();
    });

    it("intake committed, nobody retries: the recovery job finishes it; five copies of one key make one job", async () => {
      const jobId = await crashAfterIntakeCommit(jobBody({ model: "Nobody retries" }));
      const report = await recoverRepairJobs(getContainer());
      expect(report.finished).toContain(jobId);
      const { job_number } = await jobRow(jobId);
      expect(await dueKinds(jobId)).toEqual([]);
      expect(await deviceLinks(jobId)).toBe(1);
      const run = await lifecycleRun(String(job_number));
      await expireLease(jobId);
      expect((await recoverRepairJobs(getContainer())).finished).not.toContain(jobId);
      expect(await lifecycleRun(String(job_number))).toBe(run);

      const key = newKey("intake-copies");
      const answers = await Promise.all(Array.from({ length: 5 }, () => api.post("/admin/repair-jobs", jobBody({ idempotency_key: key }), desk)));
      expect(new Set(answers.map((a) => a.data.repair_job.id)).size).toBe(1);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(await jobsOfKey(key)).toHaveLength(1);
      await expectJobNumbersWithoutGaps();
    });

    it("Temporal down at intake: the job stands (201), its start stays due and the recovery starts it once Temporal is back", async () => {
      const container = getContainer();
      const real = container.resolve("temporal") as object;
      const created = await withRegistration(container, "temporal", failing(real, "start", "Temporal is not reachable (test)"), () =>
        settle(api.post("/admin/repair-jobs", jobBody({ model: "Temporal down" }), desk)));
      expect(created.status).toBe(201);
      const jobId = created.data.repair_job.id;
      expect((await dueKinds(jobId)).slice(0, 2)).toEqual(["lifecycle_start", "event"]);
      expect(await deviceLinks(jobId)).toBe(1);
      await expireLease(jobId);
      await recoverRepairJobs(container);
      expect(await dueKinds(jobId)).toEqual([]);
      expect(await lifecycleRun(created.data.repair_job.job_number)).toEqual(expect.any(String));
      await expectJobNumbersWithoutGaps();
    });

    async function jobWithScreen() {
      const job = await newJob(api, desk, ["in_progress"]);
      const line = (await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, desk)).data.line;
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, desk);
      return { job, line };
    }
    const invoicesOf = async (jobId: string) => (await pg().raw(`SELECT id, invoice_number, order_id FROM repair_invoice WHERE repair_job_id = ? AND deleted_at IS NULL`, [jobId])).rows;
    const ordersOfInvoice = async (invoiceId: string) => (await pg().raw(`SELECT id FROM "order" WHERE metadata->>'repair_invoice_id' = ? AND deleted_at IS NULL`, [invoiceId])).rows;
    /** Every INV number of the year up to its counter is used exactly once. */
    async function expectInvoiceNumbersWithoutGaps() {
      const series = `INV-${shopYear(new Date())}`;
      const { rows } = await pg().raw(`SELECT invoice_number FROM repair_invoice WHERE invoice_number LIKE ? AND deleted_at IS NULL ORDER BY invoice_number`, [`${series}-%`]);
      const counter = Number((await pg().raw(`SELECT last_value FROM number_series WHERE id = ?`, [series])).rows[0]!.last_value);
      expect(rows.map((r) => Number(String(r.invoice_number).slice(-6)))).toEqual(Array.from({ length: counter }, (_, i) => i + 1));
    }

    it("completion committed, effects never run: stock and invoice are there at once; the recovery makes the order, link, signal and pickup flow once", async () => {
      const container = getContainer();
      const { job, line } = await jobWithScreen();
      const before = await stockAt(container, fx.inventoryItems.screen!, fx.shop.stockLocationId);
      const outcome = await commitRepairStatusChange(container, { id: job.id, to: "completed", changed_by: "Test technician" });
      expect(outcome).toMatchObject({ applied: true, owns_effects: true });
      await expireLease(job.id);

      expect(await stockAt(container, fx.inventoryItems.screen!, fx.shop.stockLocationId)).toEqual({ stocked: before.stocked - 1, reserved: before.reserved - 1 });
      expect(await container.resolve(Modules.INVENTORY).listReservationItems({ id: line.reservation_id })).toEqual([]);
      await expectLedgerBalanced();
      const [invoice] = await invoicesOf(job.id);
      expect(invoice).toMatchObject({ order_id: null });
      expect(await dueKinds(job.id)).toEqual(["invoice_order", "lifecycle_signal", "flow_start", "event"]);

      // A retry of the applied move answers the job as it stands and finishes what is due.
      const retried = await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, desk);
      expect(retried.status).toBe(200);
      expect(retried.data.repair_job.status).toBe("completed");
      expect(await dueKinds(job.id)).toEqual([]);
      await expireLease(job.id);
      await recoverRepairJobs(container);

      const orders = await ordersOfInvoice(String(invoice!.id));
      expect(orders).toHaveLength(1);
      expect((await invoicesOf(job.id))[0]).toMatchObject({ order_id: orders[0]!.id });
      const links = await pg().raw(`SELECT order_id FROM repairbilling_repair_invoice_order_order WHERE repair_invoice_id = ? AND deleted_at IS NULL`, [invoice!.id]);
      expect(links.rows).toEqual([{ order_id: orders[0]!.id }]);
      expect((await temporal.workflow.getHandle(PICKUP_REMINDERS.workflowId(job.job_number)).describe()).status.name).toBe("RUNNING");
      expect(await invoicesOf(job.id)).toHaveLength(1);
      await expectLedgerBalanced();
      await expectInvoiceNumbersWithoutGaps();
    });

    it("order module down at completion: the completion stands, the order follows from the recovery, one invoice", async () => {
      const container = getContainer();
      const { job } = await jobWithScreen();
      const orders = container.resolve(Modules.ORDER) as object;
      const done = await withRegistration(container, Modules.ORDER, failing(orders, "createOrders", "Order module is down (test)"), () =>
        settle(api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, desk)));
      expect(done.status).toBe(200);
      expect(done.data.repair_job.status).toBe("completed");
      const [invoice] = await invoicesOf(job.id);
      expect(invoice).toMatchObject({ order_id: null });
      expect((await dueKinds(job.id))[0]).toBe("invoice_order");

      await expireLease(job.id);
      await recoverRepairJobs(container);
      expect(await dueKinds(job.id)).toEqual([]);
      expect(await ordersOfInvoice(String(invoice!.id))).toHaveLength(1);
      expect(await invoicesOf(job.id)).toHaveLength(1);
      await expectLedgerBalanced();
      await expectInvoiceNumbersWithoutGaps();
    });

    it("order module down at pickup: payments, warranties and Delivered stand; the recovery mirrors each payment on the order once", async () => {
      const container = getContainer();
      const { job } = await jobWithScreen();
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, desk);
      const [invoice] = await invoicesOf(job.id);
      const due = (await api.get(`/admin/repair-jobs/${job.id}/billing`, desk)).data.billing.invoice.amount_due_sen as number;
      const orders = container.resolve(Modules.ORDER) as object;
      const paid = await withRegistration(container, Modules.ORDER, failing(orders, "addOrderTransactions", "Order module is down (test)"), () =>
        settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, { collected_by: "Aisyah Rahman", payments: [{ method: "card", amount_sen: due }] }, desk)));
      expect(paid.status).toBe(200);
      expect((await jobRow(job.id)).status).toBe("delivered");
      expect((await dueKinds(job.id))[0]).toBe("order_payments");
      const transactions = async () => (await pg().raw(
        `SELECT reference_id FROM order_transaction WHERE order_id = ? AND reference = 'repair_payment' AND deleted_at IS NULL`, [invoice!.order_id])).rows;
      expect(await transactions()).toEqual([]);

      await expireLease(job.id);
      await recoverRepairJobs(container);
      expect(await dueKinds(job.id)).toEqual([]);
      const payments = (await pg().raw(`SELECT id FROM repair_payment WHERE repair_job_id = ? AND deleted_at IS NULL`, [job.id])).rows;
      expect(payments).toHaveLength(1);
      expect(await transactions()).toEqual([{ reference_id: payments[0]!.id }]);
      const again = await settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, { collected_by: "Aisyah Rahman", payments: [] }, desk));
      expect(again.status).toBe(409);
      expect(await transactions()).toHaveLength(1);
    });

    it("Temporal down at a counter decision: decision, waiver and move stand together; the signals follow from the recovery; a second decision is 409", async () => {
      const container = getContainer();
      const { job } = await jobWithScreen();
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, desk);
      const real = container.resolve("temporal") as object;
      const decided = await withRegistration(container, "temporal", failing(real, "signalIfRunning", "Temporal is not reachable (test)"), () =>
        settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, desk)));
      expect(decided.status).toBe(200);
      expect(decided.data.billing.quote).toMatchObject({ status: "approved" });
      expect((await jobRow(job.id)).status).toBe("in_progress");
      expect(await dueKinds(job.id)).toEqual(["signal_if_running", "lifecycle_signal", "event"]);

      await expireLease(job.id);
      await recoverRepairJobs(container);
      expect(await dueKinds(job.id)).toEqual([]);
      const second = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "reject" }, desk));
      expect(second.status).toBe(409);
      expect(second.data).toMatchObject({ type: "quote_decided" });
      expect((await jobRow(job.id)).status).toBe("in_progress");
    });

    it("Temporal down at a quote send: the frozen quote and Awaiting Approval stand; the quote flow starts from the recovery", async () => {
      const container = getContainer();
      const { job } = await jobWithScreen();
      const real = container.resolve("temporal") as object;
      const sent = await withRegistration(container, "temporal", failing(real, "start", "Temporal is not reachable (test)"), () =>
        settle(api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, desk)));
      expect(sent.status).toBe(200);
      expect(sent.data.billing.quote).toMatchObject({ version: 1, status: "sent" });
      expect((await jobRow(job.id)).status).toBe("awaiting_approval");
      expect((await dueKinds(job.id))[0]).toBe("flow_start");

      await expireLease(job.id);
      await recoverRepairJobs(container);
      expect(await dueKinds(job.id)).toEqual([]);
      expect((await temporal.workflow.getHandle(QUOTE_CONFIRMATION.workflowId(job.job_number)).describe()).type).toBe(QUOTE_CONFIRMATION.workflowType);
      const again = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, desk));
      expect(again.data).toMatchObject({ type: "quote_pending" });
    });

    it("two completions of one job at once: one applies, the other answers the completed job; one invoice", async () => {
      const { job } = await jobWithScreen();
      const answers = await Promise.all([1, 2].map(() => settle(api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, desk))));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const history = (await api.get(`/admin/repair-jobs/${job.id}`, desk)).data.repair_job.status_history as Array<{ to_status: string }>;
      expect(history.filter((h) => h.to_status === "completed")).toHaveLength(1);
      expect(await invoicesOf(job.id)).toHaveLength(1);
      await expectLedgerBalanced();
      await expectInvoiceNumbersWithoutGaps();
    });
  },
});
