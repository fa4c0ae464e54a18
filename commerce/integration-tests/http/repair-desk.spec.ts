import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { asValue } from "@medusajs/framework/awilix";
import { createRepairJobWorkflow, updateRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { jobBody, settle } from "./helpers";
import { deactivatedTechnician, repairModule, staff, type Headers } from "./repair-desk-helpers";

const H = 3_600_000;

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_desk",
  testSuite: ({ api, getContainer }) => {
    let manager: Headers;
    let cashier: Headers;
    let tech: { id: string; headers: Headers };

    beforeEach(async () => {
      manager = (await staff(getContainer(), "manager")).headers;
      cashier = (await staff(getContainer(), "cashier")).headers;
      tech = await staff(getContainer(), "technician", "Ravi Kumar");
    });

    describe("intake", () => {
      it("stores every intake field, the SLA due time and a tracking token", async () => {
        const before = Date.now();
        const r = await api.post("/admin/repair-jobs", jobBody({
          imei_serial: "35-209900-176148-1", colour: "Midnight", accessories: ["charger", "case", "SIM tray", "Charger"],
          condition_notes: "Scratch on the back", deposit_sen: 5000, priority: "high", technician_id: tech.id,
          eta: "2026-12-01T18:00:00+08:00",
        }), cashier);
        expect(r.status).toBe(201);
        const job = r.data.repair_job;
        expect(job).toMatchObject({
          imei_serial: "352099001761481", colour: "Midnight", accessories: ["charger", "case", "SIM tray"],
          condition_notes: "Scratch on the back", deposit_sen: 5000, priority: "high",
          technician_id: tech.id, technician_name: "Ravi Kumar", eta: "2026-12-01T10:00:00.000Z",
          diagnosis: null, completed_at: null, delivered_at: null,
        });
        const received = Date.parse(job.received_at);
        expect(received).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(job.sla_due_at) - received).toBe(24 * H); // high: 24 h by default
        expect(job.sla).toMatchObject({ due_at: job.sla_due_at, breached: false, state: "running" });
        expect(job.sla.remaining_ms).toBeGreaterThan(23 * H);
        expect(job.tracking_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(job.events).toEqual([expect.objectContaining({ kind: "assigned", detail: { from: null, to: { id: tech.id, name: "Ravi Kumar" } } })]);
        expect(job.photos).toEqual([]);
      });

      it("keeps old bodies working with empty intake fields", async () => {
        const r = await api.post("/admin/repair-jobs", jobBody(), manager);
        expect(r.data.repair_job).toMatchObject({ imei_serial: null, accessories: [], deposit_sen: 0, technician_id: null, eta: null });
      });

      it("answers 400 naming the field: bad IMEI, negative deposit, unknown priority, bad ETA", async () => {
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ imei_serial: "490154203237519" }, "imei_serial: not a valid IMEI"],
          [{ imei_serial: "AB#1" }, "imei_serial"],
          [{ deposit_sen: -100 }, "deposit_sen"],
          [{ priority: "asap" }, "priority"],
          [{ eta: "next week" }, "eta"],
          [{ accessories: [123] }, "accessories"],
        ];
        for (const [extra, field] of cases) {
          const r = await settle(api.post("/admin/repair-jobs", jobBody(extra), manager));
          expect(r.status, JSON.stringify(extra)).toBe(400);
          expect(r.data.message).toContain(field);
        }
      });

      it("refuses a technician_id that is not an active technician, before creating anything", async () => {
        const phone = "+60187770001";
        const other = await staff(getContainer(), "cashier");
        const gone = await deactivatedTechnician(getContainer());
        for (const [id, reason] of [[other.id, "is not a technician (cashier)"], [gone.id, "is deactivated"], ["user_nobody", "no staff member"]] as const) {
          const r = await settle(api.post("/admin/repair-jobs", jobBody({ customer: { name: "No One", phone }, technician_id: id }), manager));
          expect(r.status).toBe(400);
          expect(r.data.message).toContain(`technician_id: `);
          expect(r.data.message).toContain(reason);
        }
        expect(await getContainer().resolve(Modules.CUSTOMER).listCustomers({ phone } as never)).toHaveLength(0);
      });

      it("commits the assignment line with the job when Temporal is down; the start stays due for the recovery", async () => {
        const container = getContainer();
        const realTemporal = container.resolve("temporal");
        container.register("temporal", asValue({ start: async () => { throw new Error("Temporal down (test)"); }, signalWithStart: async () => undefined, terminate: async () => undefined }));
        try {
          await createRepairJobWorkflow(container).run({
            input: { customer: { name: "Roll Back", phone: "+60187770002" }, device_type: "phone", brand: "Apple", model: "X", issue: "stays", priority: "normal", created_by: "t", technician_id: tech.id },
          });
        } finally {
          container.register("temporal", asValue(realTemporal));
        }
        const [job] = await repairModule(container).listRepairJobs({ customer_phone: "+60187770002" });
        expect(job).toBeDefined();
        expect(await repairModule(container).listRepairJobEvents({ repair_job_id: job!.id, kind: "assigned" })).toHaveLength(1);
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
        const { rows } = await pg.raw(`SELECT outbox FROM repair_job WHERE id = ?`, [job!.id]);
        expect((rows[0].outbox as Array<{ kind: string }>)[0]?.kind).toBe("lifecycle_start");
      });
    });

    describe("POST /admin/repair-jobs/:id", () => {
      it("changes priority (recomputing the SLA), ETA, accessories, notes, each on the timeline", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody({ accessories: ["charger"] }), cashier)).data.repair_job;
        const r = await api.post(`/admin/repair-jobs/${job.id}`, {
          priority: "urgent", eta: "2026-12-02T09:00:00Z", accessories: ["charger", "case"], condition_notes: "Dent on corner", note: "Called the customer",
        }, cashier);
        const updated = r.data.repair_job;
        expect(updated).toMatchObject({ priority: "urgent", eta: "2026-12-02T09:00:00.000Z", accessories: ["charger", "case"], condition_notes: "Dent on corner" });
        expect(Date.parse(updated.sla_due_at) - Date.parse(updated.received_at)).toBe(4 * H);
        expect(updated.events.map((e: { kind: string }) => e.kind)).toEqual(["priority", "eta", "note", "note", "note"]);
        expect(updated.events[0]).toMatchObject({ detail: { from: "normal", to: "urgent" }, actor: "Test cashier" });
        expect(updated.status_history).toHaveLength(1); // status changes stay in their own history

        const same = await api.post(`/admin/repair-jobs/${job.id}`, { priority: "urgent" }, cashier);
        expect(same.data.repair_job.events).toHaveLength(5);
      });

      it("lets technicians, managers and owners set the diagnosis, not cashiers", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const refused = await settle(api.post(`/admin/repair-jobs/${job.id}`, { diagnosis: "Looks like the screen" }, cashier));
        expect(refused.status).toBe(403);
        expect(refused.data.message).toContain("diagnosis");
        const ok = await api.post(`/admin/repair-jobs/${job.id}`, { diagnosis: "LCD cracked, touch works" }, tech.headers);
        expect(ok.data.repair_job.diagnosis).toBe("LCD cracked, touch works");
        expect(ok.data.repair_job.events.at(-1)).toMatchObject({ kind: "diagnosis", actor_id: tech.id });
      });

      it("answers 400 for an empty or unknown body and 404 for an unknown job", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        expect((await settle(api.post(`/admin/repair-jobs/${job.id}`, {}, manager))).data.message).toContain("at least one field");
        const unknown = await settle(api.post(`/admin/repair-jobs/${job.id}`, { status: "delivered" }, manager));
        expect(unknown.status).toBe(400);
        expect(unknown.data.message).toContain("status");
        expect((await settle(api.post(`/admin/repair-jobs/rjob_missing`, { note: "hi" }, manager))).status).toBe(404);
      });

      it("restores the fields when a later step fails (compensation)", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        // An event without an actor breaks the timeline insert, after the fields were written.
        await expect(updateRepairJobWorkflow(getContainer()).run({
          input: { id: job.id, changes: { priority: "urgent", eta: "2026-12-02T09:00:00Z" }, actor: { id: null, name: null as never } },
        })).rejects.toThrow();
        const after = (await api.get(`/admin/repair-jobs/${job.id}`, manager)).data.repair_job;
        expect(after).toMatchObject({ priority: "normal", eta: null, sla_due_at: job.sla_due_at });
        expect(after.events).toEqual([]);
      });
    });

    describe("POST /admin/repair-jobs/:id/assign", () => {
      it("assigns, reassigns and unassigns technicians only", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const other = await staff(getContainer(), "technician", "Mei Ling");
        const notTech = await staff(getContainer(), "manager");
        const refused = await settle(api.post(`/admin/repair-jobs/${job.id}/assign`, { technician_id: notTech.id }, manager));
        expect(refused.status).toBe(400);
        expect(refused.data.message).toContain("technician_id");
        expect(refused.data.message).toContain("is not a technician (manager)");

        await api.post(`/admin/repair-jobs/${job.id}/assign`, { technician_id: tech.id }, manager);
        const re = await api.post(`/admin/repair-jobs/${job.id}/assign`, { technician_id: other.id }, manager);
        expect(re.data.repair_job).toMatchObject({ technician_id: other.id, technician_name: "Mei Ling" });
        const un = await api.post(`/admin/repair-jobs/${job.id}/assign`, { technician_id: null }, manager);
        expect(un.data.repair_job).toMatchObject({ technician_id: null, technician_name: null });
        expect(un.data.repair_job.events.map((e: { detail: { to: { name: string } | null } }) => e.detail.to?.name ?? null)).toEqual(["Ravi Kumar", "Mei Ling", null]);
        expect((await settle(api.post(`/admin/repair-jobs/${job.id}/assign`, {}, manager))).data.message).toContain("technician_id");
      });
    });

    describe("status changes", () => {
      it("sets completed_at and delivered_at, and stops the SLA clock", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "in_progress" }, tech.headers);
        const parts = await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "awaiting_parts" }, tech.headers);
        expect(parts.data.repair_job.sla.state).toBe("paused");
        await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "in_progress" }, tech.headers);
        const done = (await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech.headers)).data.repair_job;
        expect(done.completed_at).not.toBeNull();
        expect(done.delivered_at).toBeNull();
        expect(done.sla.state).toBe("stopped");
        const delivered = (await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "delivered" }, cashier)).data.repair_job;
        expect(delivered.completed_at).toBe(done.completed_at);
        expect(Date.parse(delivered.delivered_at)).toBeGreaterThanOrEqual(Date.parse(done.completed_at));
        expect(delivered.sla.remaining_ms).toBe(done.sla.remaining_ms);
      });
    });
  },
});
