import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { asValue } from "@medusajs/framework/awilix";
import type { MedusaContainer } from "@medusajs/framework/types";
import { shopYear } from "@voltura/domain";
import { changeRepairJobStatusWorkflow } from "@voltura/plugin-repair/workflows";
import { authHeaders, createStaffUser } from "./helpers";
import { newJob, reservationsOf, seedBillingFixture, stockAt, type BillingFixture } from "./repair-billing.fixtures";

/** Swaps a container registration for the duration of `fn` (as compensation.spec does for Temporal). */
async function withRegistration<T>(container: MedusaContainer, key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  const real = container.resolve(key);
  container.register(key, asValue(value));
  try {
    return await fn();
  } finally {
    container.register(key, asValue(real));
  }
}

/** The same service with one method replaced. */
function failing<T extends object>(service: T, method: string, message: string): T {
  return new Proxy(service, {
    get(target, prop, receiver) {
      if (prop === method) return async () => { throw new Error(message); };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_billing_compensation",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: Awaited<ReturnType<typeof authHeaders>>;

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
    });

    beforeEach(async () => {
      tech = await authHeaders((await createStaffUser(getContainer(), "technician")).id, "technician");
    });

    async function jobWithScreen() {
      const job = await newJob(api, tech, ["in_progress"]);
      const line = (await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech)).data.line;
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      return { job, line };
    }

    async function expectNothingBilled(jobId: string, reservationId: string) {
      const container = getContainer();
      expect((await api.get(`/admin/repair-jobs/${jobId}`, tech)).data.repair_job.status).toBe("in_progress");
      expect(await stockAt(container, fx.inventoryItems.screen!, fx.shop.stockLocationId)).toEqual({ stocked: 2, reserved: 1 });
      expect((await reservationsOf(container, fx.inventoryItems.screen!)).map((r) => r.id)).toEqual([reservationId]);
      const billing = (await api.get(`/admin/repair-jobs/${jobId}/billing`, tech)).data.billing;
      expect(billing.invoice).toBeNull();
      expect(billing.lines.find((l: { kind: string }) => l.kind === "part")).toMatchObject({ consumed_at: null, reservation_id: reservationId });
      expect(await container.resolve(Modules.ORDER).listOrders({})).toHaveLength(0);
    }

    it("a failing order creation restores stock, the reservation and the job status, and uses no invoice number", async () => {
      const container = getContainer();
      const { job, line } = await jobWithScreen();
      const orders = container.resolve(Modules.ORDER);

      await withRegistration(container, Modules.ORDER, failing(orders, "createOrders", "Order module is down (test)"), async () => {
        await expect(
          changeRepairJobStatusWorkflow(container).run({ input: { id: job.id, to: "completed", changed_by: "test" } }),
        ).rejects.toThrow("Order module is down");
      });
      await expectNothingBilled(job.id, line.reservation_id);

      const done = await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      expect(done.data.repair_job.status).toBe("completed");
      const { invoice } = (await api.get(`/admin/repair-jobs/${job.id}/billing`, tech)).data.billing;
      expect(invoice.invoice_number).toBe(`INV-${shopYear(new Date())}-000001`);
      expect(await stockAt(container, fx.inventoryItems.screen!, fx.shop.stockLocationId)).toEqual({ stocked: 1, reserved: 0 });
    });

    it("a failure after billing (the Temporal signal) undoes the completed billing: order, invoice, consumed stock", async () => {
      const container = getContainer();
      const { job, line } = await jobWithScreen();
      const temporal = container.resolve("temporal") as object;

      await withRegistration(container, "temporal", failing(temporal, "signalWithStart", "Temporal is not reachable (test)"), async () => {
        await expect(
          changeRepairJobStatusWorkflow(container).run({ input: { id: job.id, to: "completed", changed_by: "test" } }),
        ).rejects.toThrow("Temporal is not reachable");
      });
      await expectNothingBilled(job.id, line.reservation_id);

      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      const { invoice } = (await api.get(`/admin/repair-jobs/${job.id}/billing`, tech)).data.billing;
      expect(invoice.invoice_number).toBe(`INV-${shopYear(new Date())}-000001`);
    });
  },
});
