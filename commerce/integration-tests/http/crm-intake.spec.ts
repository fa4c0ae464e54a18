import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { asValue } from "@medusajs/framework/awilix";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { createRepairJobWorkflow, recoverRepairJobs } from "@voltura/plugin-repair/workflows";
import { jobBody } from "./helpers";
import { createOrder, ids, staffHeaders, type Headers } from "./crm-helpers";

const intake = (overrides: Record<string, unknown> = {}) => ({
  customer: { name: "Aisyah Rahman", phone: "+60123456789" },
  device_type: "phone" as const,
  brand: "Apple",
  model: "iPhone 13",
  issue: "Screen cracked",
  priority: "normal" as const,
  created_by: "test",
  ...overrides,
});

async function crmCounts(container: MedusaContainer) {
  const crm = container.resolve("crm") as { listDevices: (f: object) => Promise<unknown[]>; listCustomerProfiles: (f: object) => Promise<unknown[]> };
  return { devices: (await crm.listDevices({})).length, profiles: (await crm.listCustomerProfiles({})).length };
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_crm_intake",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    it("records the profile, the device and its link to the job at intake, and reuses the device next time", async () => {
      const first = await api.post("/admin/repair-jobs", jobBody(), as.cashier);
      const customerId = first.data.repair_job.customer_id;
      let detail = (await api.get(`/admin/crm/customers/${customerId}`, as.technician)).data.customer;
      expect(detail).toMatchObject({ customer_type: "walk_in", phone: "+60123456789", device_count: 1, job_count: 1 });
      expect(detail.last_visit_at).not.toBeNull();
      expect(detail.devices[0]).toMatchObject({ device_type: "phone", brand: "Apple", model: "iPhone 13", job_count: 1 });
      expect(detail.repair_jobs[0]).toMatchObject({ id: first.data.repair_job.id, status: "pending", device_id: detail.devices[0].id });

      const again = await api.post("/admin/repair-jobs", jobBody({ model: "iphone  13", issue: "Battery drains" }), as.cashier);
      expect(again.data.repair_job.customer_id).toBe(customerId);
      await api.post(`/admin/repair-jobs/${again.data.repair_job.id}/status`, { status: "in_progress" }, as.technician);
      detail = (await api.get(`/admin/crm/customers/${customerId}`, as.technician)).data.customer;
      expect(detail.devices).toHaveLength(1);
      expect(detail.devices[0].job_count).toBe(2);
      expect(detail.repair_jobs.map((j: { status: string; device_id: string }) => [j.status, j.device_id])).toEqual(
        expect.arrayContaining([["in_progress", detail.devices[0].id], ["pending", detail.devices[0].id]]),
      );

      await api.post("/admin/repair-jobs", jobBody({ device_type: "laptop", brand: "Lenovo", model: "ThinkPad X1" }), as.cashier);
      detail = (await api.get(`/admin/crm/customers/${customerId}`, as.technician)).data.customer;
      expect(detail.device_count).toBe(2);
      expect(detail.job_count).toBe(3);
    });

    it("reuses the device when a second intake through the counter has the same IMEI", async () => {
      const first = await api.post("/admin/repair-jobs", jobBody({ imei_serial: "35-209900-176148-1", colour: "Midnight" }), as.cashier);
      const second = await api.post("/admin/repair-jobs", jobBody({ model: "iPhone 13 (128GB)", imei_serial: "352099001761481", issue: "Back glass" }), as.cashier);
      const other = await api.post("/admin/repair-jobs", jobBody({ imei_serial: "356938035643809", issue: "Same model, other phone" }), as.cashier);
      const customerId = first.data.repair_job.customer_id;
      const detail = (await api.get(`/admin/crm/customers/${customerId}`, as.cashier)).data.customer;
      expect(detail.devices).toHaveLength(2);
      const deviceOf = (jobId: string) => detail.repair_jobs.find((j: { id: string }) => j.id === jobId).device_id;
      expect(deviceOf(second.data.repair_job.id)).toBe(deviceOf(first.data.repair_job.id));
      expect(deviceOf(other.data.repair_job.id)).not.toBe(deviceOf(first.data.repair_job.id));
      const reused = detail.devices.find((d: { id: string }) => d.id === deviceOf(first.data.repair_job.id));
      expect(reused).toMatchObject({ imei_serial: "352099001761481", colour: "Midnight", model: "iPhone 13", job_count: 2 });
    });

    it("matches by IMEI / serial when the intake has one, whatever the model was typed as", async () => {
      const container = getContainer();
      const a = await createRepairJobWorkflow(container).run({ input: intake({ imei_serial: "35-209900-176148-1", colour: "Blue" }) as never });
      const b = await createRepairJobWorkflow(container).run({ input: intake({ model: "IPhone13 128GB", imei_serial: "352099001761481" }) as never });
      const c = await createRepairJobWorkflow(container).run({ input: intake({ imei_serial: "356938035643809" }) as never });
      const query = container.resolve(ContainerRegistrationKeys.QUERY);
      const { data } = await query.graph({ entity: "repair_job", fields: ["id", "device.id", "device.imei_serial", "device.colour"], filters: { id: [a.result.id, b.result.id, c.result.id] } });
      const deviceOf = new Map((data as Array<{ id: string; device: { id: string; imei_serial: string; colour: string | null } }>).map((j) => [j.id, j.device]));
      expect(deviceOf.get(a.result.id)).toMatchObject({ imei_serial: "352099001761481", colour: "Blue" });
      expect(deviceOf.get(b.result.id)!.id).toBe(deviceOf.get(a.result.id)!.id);
      expect(deviceOf.get(c.result.id)!.id).not.toBe(deviceOf.get(a.result.id)!.id);
    });

    it("lists the customer's orders with totals in sen, and filters and orders by last visit", async () => {
      const job = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Tan Wei Jie", phone: "016-220 1144" } }), as.cashier);
      const tan = job.data.repair_job.customer_id;
      await createOrder(getContainer(), tan, [{ title: "USB-C Cable 1m", quantity: 2, unit_price: 19.9 }, { title: "Tempered Glass", quantity: 1, unit_price: 25 }]);
      const detail = (await api.get(`/admin/crm/customers/${tan}`, as.cashier)).data.customer;
      expect(detail.purchases).toHaveLength(1);
      expect(detail.purchases[0]).toMatchObject({ currency_code: "myr", total_sen: 6480, item_count: 2 });

      const never = (await api.post("/admin/crm/customers", { name: "Never Came", phone: "019-887 6650" }, as.cashier)).data.customer.id;
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      const list = async (q: string) => (await api.get(`/admin/crm/customers?${q}`, as.cashier)).data;
      expect(ids((await list(`last_visit_after=${yesterday}`)).customers)).toEqual([tan]);
      expect((await list(`last_visit_before=${yesterday}`)).count).toBe(0);
      expect(ids((await list("order=-last_visit_at")).customers)).toEqual([tan, never]);
      expect(ids((await list("order=last_visit_at")).customers)).toEqual([tan, never]);
      expect(ids((await list("device_type=phone&type=walk_in")).customers)).toEqual([tan]);
    });

    it("creates one device when several counters take in the same IMEI for a customer at once", async () => {
      const container = getContainer();
      await createRepairJobWorkflow(container).run({ input: intake({ model: "Galaxy A54", brand: "Samsung" }) });
      await Promise.all(
        Array.from({ length: 4 }, (_, i) => createRepairJobWorkflow(container).run({ input: intake({ model: `iPhone 15 (${i})`, imei_serial: "359876543210987" }) as never })),
      );
      const crm = container.resolve("crm") as { listDevices: (f: object) => Promise<Array<{ imei_serial: string | null }>> };
      const devices = await crm.listDevices({});
      expect(devices.filter((d) => d.imei_serial === "359876543210987")).toHaveLength(1);
      expect(devices).toHaveLength(2);
    });

    describe("after a failure", () => {
      it("the hook undoes its own writes when its last write fails; the committed job keeps it due and the recovery records it once", async () => {
        const container = getContainer();
        const realLink = container.resolve(ContainerRegistrationKeys.LINK);
        const failing = new Proxy(realLink, {
          get(target, prop, receiver) {
            if (prop === "create") {
              return async (def: unknown) => {
                if (JSON.stringify(def).includes("device_id") && JSON.stringify(def).includes("repair_job_id")) throw new Error("device link refused (test)");
                return target.create(def as never);
              };
            }
            return Reflect.get(target, prop, receiver);
          },
        });
        container.register(ContainerRegistrationKeys.LINK, asValue(failing));
        try {
          await expect(createRepairJobWorkflow(container).run({ input: intake({ customer: { name: "Rollback", phone: "+60199990000" } }) })).rejects.toThrow("device link refused");
        } finally {
          container.register(ContainerRegistrationKeys.LINK, asValue(realLink));
        }
        expect(await crmCounts(container)).toEqual({ devices: 0, profiles: 0 });
        const repair = container.resolve("repair") as { listRepairJobs: (f: object) => Promise<Array<{ id: string }>> };
        const [job] = await repair.listRepairJobs({ customer_phone: "+60199990000" });
        expect(job).toBeDefined();

        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
        await pg.raw(`UPDATE repair_job SET lease_until = now() - interval '1 second' WHERE id = ?`, [job!.id]);
        await recoverRepairJobs(container);
        await recoverRepairJobs(container);
        expect(await crmCounts(container)).toEqual({ devices: 1, profiles: 1 });
        const detail = (await api.get(`/admin/repair-jobs/${job!.id}`, as.cashier)).data.repair_job;
        expect((await api.get(`/admin/crm/customers/${detail.customer_id}`, as.cashier)).data.customer).toMatchObject({ device_count: 1, job_count: 1 });
      });

      it("an unreachable Temporal does not undo intake: the device is recorded once and the start waits for the recovery", async () => {
        const container = getContainer();
        const realTemporal = container.resolve("temporal");
        container.register("temporal", asValue({
          start: async () => { throw new Error("Temporal is not reachable (test)"); },
          signalWithStart: async () => undefined,
          terminate: async () => undefined,
        }));
        let jobId: string;
        try {
          jobId = (await createRepairJobWorkflow(container).run({ input: intake({ device_type: "tablet", brand: "Apple", model: "iPad Air" }) })).result.id;
        } finally {
          container.register("temporal", asValue(realTemporal));
        }
        const customerId = (await api.get(`/admin/repair-jobs/${jobId}`, as.cashier)).data.repair_job.customer_id;
        expect((await api.get(`/admin/crm/customers/${customerId}`, as.cashier)).data.customer).toMatchObject({ device_count: 1, job_count: 1 });
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
        await pg.raw(`UPDATE repair_job SET lease_until = now() - interval '1 second' WHERE id = ?`, [jobId]);
        await recoverRepairJobs(container);
        const { rows } = await pg.raw(`SELECT outbox FROM repair_job WHERE id = ?`, [jobId]);
        expect(rows[0].outbox).toEqual([]);
        expect(await crmCounts(container)).toEqual({ devices: 1, profiles: 1 });
      });
    });
  },
});
