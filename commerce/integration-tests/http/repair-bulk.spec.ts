import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { jobBody, settle } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";

type Sql = { raw(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_bulk",
  testSuite: ({ api, getContainer }) => {
    let cashier: Headers;
    let tech: { id: string; headers: Headers };
    const sql = () => getContainer().resolve<Sql>(ContainerRegistrationKeys.PG_CONNECTION);
    let n = 0;
    const newJob = async () => (await api.post("/admin/repair-jobs", jobBody({ customer: { name: `Bulk ${++n}`, phone: `012-700 ${String(1000 + n)}` } }), cashier)).data.repair_job as { id: string; job_number: string };
    const bulk = (body: Record<string, unknown>, who = cashier) => settle(api.post("/admin/repair-jobs/bulk", body, who));
    const key = () => `bulk-${Math.random().toString(36).slice(2)}`;

    beforeAll(async () => {
      cashier = (await staff(getContainer(), "cashier")).headers;
      tech = await staff(getContainer(), "technician", "Ravi Kumar");
    });

    it("moves each job through its own rules: one refusal does not stop the others", async () => {
      const a = await newJob();
      const b = await newJob();
      const c = await newJob();
      expect((await api.post(`/admin/repair-jobs/${b.id}/status`, { status: "cancelled" }, cashier)).status).toBe(200);
      const r = await bulk({ action: "status", ids: [a.id, b.id, c.id, "rjob_missing"], status: "in_progress", idempotency_key: key() });
      expect(r.status).toBe(200);
      expect(r.data).toMatchObject({ action: "status", succeeded: 2, failed: 2, replayed: false });
      expect(r.data.results).toEqual([
        { id: a.id, ok: true, job_number: a.job_number, status: "in_progress", error: null },
        { id: b.id, ok: false, job_number: b.job_number, status: "cancelled", error: { type: "invalid_transition", message: expect.any(String) } },
        { id: c.id, ok: true, job_number: c.job_number, status: "in_progress", error: null },
        { id: "rjob_missing", ok: false, job_number: null, status: null, error: { type: "not_found", message: expect.stringMatching(/not found/) } },
      ]);
      const history = await api.get(`/admin/repair-jobs/${a.id}`, cashier);
      expect(history.data.repair_job.status_history.map((h: { to_status: string }) => h.to_status)).toEqual(["pending", "in_progress"]);
    });

    it("answers a retried key with the first results and refuses another body under it", async () => {
      const a = await newJob();
      const k = key();
      const first = await bulk({ action: "status", ids: [a.id], status: "in_progress", idempotency_key: k });
      expect(first.data).toMatchObject({ succeeded: 1, replayed: false });
      // Moved on since: the replay still answers what the first run did.
      expect((await api.post(`/admin/repair-jobs/${a.id}/status`, { status: "awaiting_parts" }, cashier)).status).toBe(200);
      const again = await bulk({ action: "status", ids: [a.id], status: "in_progress", idempotency_key: k });
      expect(again).toEqual({ status: 200, data: { ...first.data, replayed: true } });
      expect((await api.get(`/admin/repair-jobs/${a.id}`, cashier)).data.repair_job.status).toBe("awaiting_parts");
      const reused = await bulk({ action: "status", ids: [a.id], status: "cancelled", idempotency_key: k });
      expect(reused).toMatchObject({ status: 409, data: { type: "idempotency_key_reused", field: "idempotency_key" } });
    });

    it("assigns and unassigns through the assignment's checks, and audits the run", async () => {
      const a = await newJob();
      const b = await newJob();
      const k = key();
      const r = await bulk({ action: "assign", ids: [a.id, b.id], technician_id: tech.id, idempotency_key: k });
      expect(r.data).toMatchObject({ succeeded: 2, failed: 0 });
      const job = (await api.get(`/admin/repair-jobs/${b.id}`, cashier)).data.repair_job;
      expect(job).toMatchObject({ technician_id: tech.id, technician_name: "Ravi Kumar" });
      expect(job.events).toEqual([expect.objectContaining({ kind: "assigned" })]);
      const notTech = await bulk({ action: "assign", ids: [a.id], technician_id: "user_nobody", idempotency_key: key() });
      expect(notTech.data).toMatchObject({ succeeded: 0, failed: 1, results: [{ id: a.id, ok: false, error: { type: "invalid_data" } }] });
      const off = await bulk({ action: "assign", ids: [a.id], technician_id: null, idempotency_key: key() });
      expect(off.data.results[0]).toMatchObject({ ok: true });
      expect((await api.get(`/admin/repair-jobs/${a.id}`, cashier)).data.repair_job.technician_id).toBeNull();

      const audit = await sql().raw(`SELECT action, metadata FROM audit_entry WHERE action = 'repair_job.bulk_assign' AND metadata->>'idempotency_key' = ?`, [k]);
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]!.metadata).toMatchObject({ technician_id: tech.id, succeeded: 2, failed: 0, results: [{ id: a.id, ok: true }, { id: b.id, ok: true }] });
    });

    it("answers 400 naming the field on bad input", async () => {
      const a = await newJob();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ action: "status", ids: [a.id], idempotency_key: key() }, /status/],
        [{ action: "assign", ids: [a.id], idempotency_key: key() }, /technician_id/],
        [{ action: "status", ids: [], status: "pending", idempotency_key: key() }, /ids/],
        [{ action: "status", ids: [a.id, a.id], status: "pending", idempotency_key: key() }, /ids/],
        [{ action: "status", ids: Array.from({ length: 101 }, (_, i) => `rjob_${i}`), status: "pending", idempotency_key: key() }, /ids/],
        [{ action: "status", ids: [a.id], status: "pending" }, /idempotency_key/],
        [{ action: "delete", ids: [a.id], idempotency_key: key() }, /action/],
        [{ action: "status", ids: [a.id], status: "flying", idempotency_key: key() }, /status/],
      ];
      for (const [body, field] of cases) {
        const r = await bulk(body);
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
        expect(r.data.message).toMatch(field);
      }
    });
  },
});
