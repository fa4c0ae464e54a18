import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { asValue } from "@medusajs/framework/awilix";
import { createRepairJobWorkflow } from "@voltura/plugin-repair/workflows";


medusaIntegrationTestRunner({
  dbName: "voltura_it_compensation",
  testSuite: ({ getContainer }) => {
    it("leaves nothing behind when the Temporal step fails: no job, no new customer, no used number", async () => {
      const container = getContainer();
      const realTemporal = container.resolve("temporal");
      const input = {
        customer: { name: "Rollback Test", phone: "+60199990000" },
        device_type: "phone" as const,
        brand: "Apple",
        model: "iPhone 14",
        issue: "Will be rolled back",
        priority: "normal" as const,
        created_by: "test",
      };
      const ok = await createRepairJobWorkflow(container).run({ input: { ...input, customer: { name: "Before", phone: "+60199990001" } } });
      const lastNumber = Number(ok.result.job_number.slice(-6));

      container.register("temporal", asValue({
        start: async () => { throw new Error("Temporal is not reachable (test)"); },
        signalWithStart: async () => undefined,
        terminate: async () => undefined,
      }));
      try {
        await expect(createRepairJobWorkflow(container).run({ input })).rejects.toThrow("Temporal is not reachable");
      } finally {
        container.register("temporal", asValue(realTemporal));
      }

      const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ phone: input.customer.phone } as never);
      expect(customers).toHaveLength(0);
      const repair = container.resolve("repair") as { listRepairJobs: (f: object) => Promise<unknown[]> };
      expect(await repair.listRepairJobs({ customer_phone: input.customer.phone })).toHaveLength(0);

      const next = await createRepairJobWorkflow(container).run({ input: { ...input, customer: { name: "After", phone: "+60199990002" } } });
      expect(Number(next.result.job_number.slice(-6))).toBe(lastNumber + 1);
    });
  },
});
