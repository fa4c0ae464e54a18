import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { Client, Connection } from "@temporalio/client";
import { REPAIR_LIFECYCLE } from "@voltura/domain";
import { authHeaders, createStaffUser, jobBody, settle, type StaffHeaders } from "./helpers";


medusaIntegrationTestRunner({
  dbName: "voltura_it_repair",
  testSuite: ({ api, getContainer }) => {
    let manager: StaffHeaders;

    beforeEach(async () => {
      const user = await createStaffUser(getContainer(), "manager");
      manager = await authHeaders(user.id, "manager");
    });

    describe("POST /admin/repair-jobs", () => {
      it("creates a job linked to a customer found or created by normalised phone", async () => {
        const first = await api.post("/admin/repair-jobs", jobBody(), manager);
        expect(first.status).toBe(201);
        expect(first.data.repair_job).toMatchObject({ status: "pending", customer_phone: "+60123456789", priority: "normal" });
        expect(first.data.repair_job.job_number).toMatch(/^VSH-\d{4}-\d{6}$/);
        expect(first.data.repair_job.status_history).toHaveLength(1);

        const second = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Aisyah R.", phone: "+60 12-345 6789" } }), manager);
        expect(second.data.repair_job.customer_id).toBe(first.data.repair_job.customer_id);
        const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ phone: "+60123456789" } as never);
        expect(customers).toHaveLength(1);
      });

      it("answers 400 naming the field for a malformed phone, a missing field and an unknown device", async () => {
        const badPhone = await settle(api.post("/admin/repair-jobs", jobBody({ customer: { name: "A", phone: "12-34" } }), manager));
        expect(badPhone.status).toBe(400);
        expect(badPhone.data.message).toContain("customer.phone");

        const missing = await settle(api.post("/admin/repair-jobs", { ...jobBody(), brand: undefined }, manager));
        expect(missing.status).toBe(400);
        expect(missing.data.message).toContain("brand is required");

        const device = await settle(api.post("/admin/repair-jobs", jobBody({ device_type: "toaster" }), manager));
        expect(device.status).toBe(400);
        expect(device.data.message).toContain("device_type");
      });

      it("numbers 20 concurrent intakes consecutively, without gaps or duplicates", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => api.post("/admin/repair-jobs", jobBody({ model: `Model ${i}` }), manager)),
        );
        const numbers = results.map((r) => Number(r.data.repair_job.job_number.slice(-6))).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
        expect(new Set(results.map((r) => r.data.repair_job.tracking_token)).size).toBe(20);
      });
    });

    describe("POST /admin/repair-jobs/:id/status", () => {
      it("moves a job, records who and why, and signals its Temporal workflow", async () => {
        const created = await api.post("/admin/repair-jobs", jobBody(), manager);
        const id = created.data.repair_job.id;
        const moved = await api.post(`/admin/repair-jobs/${id}/status`, { status: "in_progress", note: "Parts in hand" }, manager);
        expect(moved.data.repair_job.status).toBe("in_progress");
        expect(moved.data.repair_job.status_history.at(-1)).toMatchObject({ from_status: "pending", to_status: "in_progress", note: "Parts in hand", changed_by: "Test manager" });

        const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? "127.0.0.1:7233" });
        try {
          const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? "voltura" });
          const handle = client.workflow.getHandle(REPAIR_LIFECYCLE.workflowId(created.data.repair_job.job_number));
          const description = await handle.describe();
          expect(description.type).toBe(REPAIR_LIFECYCLE.workflowType);
        } finally {
          await connection.close();
        }
      });

      it("answers 409 naming the allowed moves, and 400 for an unknown status", async () => {
        const created = await api.post("/admin/repair-jobs", jobBody(), manager);
        const id = created.data.repair_job.id;
        const jump = await settle(api.post(`/admin/repair-jobs/${id}/status`, { status: "delivered" }, manager));
        expect(jump.status).toBe(409);
        expect(jump.data.message).toContain("Allowed: In Progress");
        expect(jump.data.allowed).toContain("in_progress");

        const unknown = await settle(api.post(`/admin/repair-jobs/${id}/status`, { status: "flying" }, manager));
        expect(unknown.status).toBe(400);
        expect(unknown.data.message).toContain("status");
      });

      it("answers 404 for a job that does not exist", async () => {
        const r = await settle(api.post(`/admin/repair-jobs/rjob_missing/status`, { status: "in_progress" }, manager));
        expect(r.status).toBe(404);
      });
    });

    describe("GET /admin/repair-jobs", () => {
      it("filters by status and searches by phone or job number", async () => {
        const created = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Tan Wei Jie", phone: "016-220 1144" } }), manager);
        const byPhone = await api.get("/admin/repair-jobs?q=%2B60162201144", manager);
        expect(byPhone.data.repair_jobs.map((j: { id: string }) => j.id)).toContain(created.data.repair_job.id);
        const byNumber = await api.get(`/admin/repair-jobs?q=${created.data.repair_job.job_number}`, manager);
        expect(byNumber.data.count).toBe(1);
        const cancelled = await api.get("/admin/repair-jobs?status=cancelled", manager);
        expect(cancelled.data.repair_jobs.every((j: { status: string }) => j.status === "cancelled")).toBe(true);
      });
    });
  },
});
