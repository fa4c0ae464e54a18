import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import type { RepairJobListSort } from "@voltura/contracts";
import { jobListStatements, rows, slaBreachStatements, sqlConnection, type JobListFilters } from "@voltura/medusa-kit";
import { jobBody } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";
import { explainPlan } from "./plans";

/** Enough rows that PostgreSQL prefers an index whenever one fits; the plans, not the clock, are asserted. */
const BULK_JOBS = 20_000;
const IMEI = "356938035643809";


const sql = (c: MedusaContainer) => c.resolve(ContainerRegistrationKeys.PG_CONNECTION);

/** Jobs of past years (so no intake number collides), phones of random digits, every status and priority. */
async function seedBulkJobs(c: MedusaContainer) {
  await sql(c).raw(`
    INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone,
      created_by, technician_id, imei_serial, received_at, sla_due_at, sla_paused_since, tracking_token, created_at, updated_at)
    SELECT 'rjob_scale_' || g, 'VSH-2025-' || lpad(g::text, 6, '0'),
      (ARRAY['pending','in_progress','awaiting_parts','completed','delivered','delivered','delivered','cancelled'])[1 + g % 8],
      (ARRAY['phone','tablet','laptop','console','other'])[1 + g % 5],
      (ARRAY['Apple','Samsung','Xiaomi','Oppo','Lenovo'])[1 + g % 5], 'Model ' || (g % 97), 'Bulk issue ' || g,
      (ARRAY['low','normal','high','urgent'])[1 + g % 4],
      (ARRAY['Tan','Lim','Wong','Ahmad','Siti','Raj'])[1 + g % 6] || ' ' || (ARRAY['Wei','Mei','Ling','Hafiz','Nur','Kumar','Chong'])[1 + (g / 6) % 7] || ' ' || g,
      '+601' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'), 'seed',
      CASE WHEN g % 3 = 0 THEN 'user_scale_tech_' || (g % 5) END,
      CASE WHEN g % 2 = 0 THEN '35' || lpad(((g::bigint * 104729) % 10000000000000)::text, 13, '0') END,
      now() - g * interval '10 minutes', now() - g * interval '10 minutes' + interval '72 hours',
      CASE WHEN g % 8 >= 2 THEN now() - g * interval '10 minutes' + interval '1 hour' END,
      'tok_scale_' || g, now() - g * interval '10 minutes', now() - g * interval '10 minutes'
    FROM generate_series(1, ${BULK_JOBS}) g`);
  await sql(c).raw(`ANALYZE repair_job`);
}

const explain = (c: MedusaContainer, statement: { sql: string; bindings: unknown[] }) => explainPlan(c, statement, ["repair_job"]);

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_search_scale",
  testSuite: ({ api, getContainer }) => {
    let manager: Headers;
    let aisyah: { id: string; job_number: string };
    let zoe: { id: string; job_number: string };

    beforeEach(async () => {
      manager = (await staff(getContainer(), "manager")).headers;
      await seedBulkJobs(getContainer());
      aisyah = (await api.post("/admin/repair-jobs", jobBody({ imei_serial: IMEI }), manager)).data.repair_job;
      zoe = (await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Zoë Núñez", phone: "016-220 1144" }, brand: "Samsung", model: "Galaxy A54" }), manager)).data.repair_job;
      await sql(getContainer()).raw(`ANALYZE repair_job`);
    });

    const search = async (q: string) => (await api.get(`/admin/repair-jobs?q=${encodeURIComponent(q)}&limit=200`, manager)).data;
    const ids = (answer: { repair_jobs: Array<{ id: string }> }) => answer.repair_jobs.map((j) => j.id);

    it("finds a phone by any run of its digits in any format, exact numbers first", async () => {
      for (const q of ["6789", "345 6789", "012-345 6789", "+60123456789", "60123456789"]) {
        expect(ids(await search(q)), q).toContain(aisyah.id);
      }
      for (const q of ["012-345 6789", "+60 12-345 6789", "0123456789"]) expect(ids(await search(q))[0], q).toBe(aisyah.id);
      expect(ids(await search("016 220 1144"))[0]).toBe(zoe.id);
    });

    it("finds a job number typed with or without dashes and prefix, an IMEI, a name in any case and without accents", async () => {
      const typed = aisyah.job_number.replace(/-/g, "");
      expect(ids(await search(typed))[0]).toBe(aisyah.id);
      expect(ids(await search(typed.replace(/^[A-Z]+/, "")))[0]).toBe(aisyah.id);
      expect(ids(await search(aisyah.job_number.toLowerCase()))[0]).toBe(aisyah.id);
      expect(ids(await search("VSH-2025-012345"))[0]).toBe("rjob_scale_12345");
      expect(ids(await search(IMEI))[0]).toBe(aisyah.id);
      expect(ids(await search("AISYAH rahman"))).toEqual([aisyah.id]);
      expect(ids(await search("zoe nunez"))).toEqual([zoe.id]);
      expect(ids(await search("ZOË NÚÑEZ"))).toEqual([zoe.id]);
      const device = await search("galaxy a54");
      expect(ids(device)).toEqual([zoe.id]);
      expect(device.count).toBe(1);
      expect(device.count_estimated).toBe(false);
    });

    it("finds the words of the issue in Bahasa Melayu and English (stemmed), exact hits still first", async () => {
      const intake = async (issue: string) => (await api.post("/admin/repair-jobs", jobBody({ issue }), manager)).data.repair_job as { id: string; job_number: string };
      const skrin = await intake("Skrin pecah selepas jatuh");
      const battery = await intake("Battery drains fast");
      const cracked = await intake("Phone has a cracked screen");
      for (const q of ["skrin pecah", "PECAH skrin", "selepas jatuh"]) {
        expect(ids(await search(q)), q).toEqual([skrin.id]);
      }
      expect(ids(await search("battery"))).toEqual([battery.id]);
      expect(ids(await search("batteries draining"))).toEqual([battery.id]);
      const screens = ids(await search("cracked screens"));
      expect(screens).toContain(cracked.id);
      // "Screen cracked", the issue of the other intakes: the same words in another order.
      expect(screens).toContain(aisyah.id);
      expect(screens).not.toContain(battery.id);
      expect(ids(await search(skrin.job_number))[0]).toBe(skrin.id);
    });

    it("runs every search and list sort on its index, never a sequential scan of repair_job", async () => {
      const c = getContainer();
      const now = new Date();
      const searches: Array<[string, string]> = [
        ["6789", "IDX_repair_job_phone_digits_trgm"],
        ["012-345 6789", "IDX_repair_job_phone_digits_trgm"],
        [aisyah.job_number.replace(/-/g, ""), "IDX_repair_job_job_number_key_trgm"],
        ["VS", "IDX_repair_job_job_number_key_pattern"],
        [IMEI, "IDX_repair_job_imei_serial_trgm"],
        ["tan wei", "IDX_repair_job_customer_name_trgm"],
        ["samsung model 5", "IDX_repair_job_device_trgm"],
        ["skrin pecah", "IDX_repair_job_issue_search"],
        ["cracked screens", "IDX_repair_job_issue_search"],
      ];
      const timings: string[] = [];
      for (const [q, index] of searches) {
        const plan = await explain(c, jobListStatements({ q }, now, { limit: 50, offset: 0 }).page);
        expect(plan.seqScans, `${q}: ${plan.described}`).toBe(0);
        expect(plan.indexes, q).toContain(index);
        timings.push(`q=${q} ${plan.ms.toFixed(1)} ms`);
      }
      const lists: Array<[JobListFilters, string]> = [
        ...(["-created_at", "created_at"] as RepairJobListSort[]).map((sort): [JobListFilters, string] => [{ sort }, "IDX_repair_job_created_at_id"]),
        ...(["-received_at", "received_at"] as RepairJobListSort[]).map((sort): [JobListFilters, string] => [{ sort }, "IDX_repair_job_received_at_id"]),
        ...(["-sla_due_at", "sla_due_at"] as RepairJobListSort[]).map((sort): [JobListFilters, string] => [{ sort }, "IDX_repair_job_sla_due_at_id"]),
      ];
      for (const [filters, index] of lists) {
        const plan = await explain(c, jobListStatements(filters, now, { limit: 50, offset: 0 }).page);
        expect(plan.seqScans, `${filters.sort}: ${plan.described}`).toBe(0);
        expect(plan.indexes, filters.sort).toContain(index);
        timings.push(`sort=${filters.sort} ${plan.ms.toFixed(1)} ms`);
      }
      for (const filters of [{ status: "pending" }, { technician_id: "user_scale_tech_1" }, { priority: "urgent" }, { breached: true }] as JobListFilters[]) {
        const plan = await explain(c, jobListStatements(filters, now, { limit: 50, offset: 0 }).page);
        expect(plan.seqScans, `${JSON.stringify(filters)}: ${plan.described}`).toBe(0);
        timings.push(`${JSON.stringify(filters)} ${plan.ms.toFixed(1)} ms`);
      }
      const breaches = await explain(c, slaBreachStatements(now, 100).page);
      expect(breaches.seqScans, breaches.described).toBe(0);
      // (status) or (status, sla_due_at), whichever the statistics favour: open statuses first, never every job.
      expect(breaches.indexes.some((name) => name.startsWith("IDX_repair_job_status")), breaches.described).toBe(true);
      timings.push(`sla-breaches ${breaches.ms.toFixed(1)} ms`);
      console.info(`repair search plans on ${BULK_JOBS} jobs:\n  ${timings.join("\n  ")}`);
    });

    it("estimates the count of a long list, keeps the page order, and answers SLA breaches from SQL", async () => {
      const all = (await api.get("/admin/repair-jobs?limit=20", manager)).data;
      expect(all.count_estimated).toBe(true);
      expect(all.count).toBeGreaterThan(BULK_JOBS * 0.8);
      expect(all.count).toBeLessThan(BULK_JOBS * 1.2);
      expect(all.repair_jobs).toHaveLength(20);
      expect(ids(all).slice(0, 2).sort()).toEqual([aisyah.id, zoe.id].sort());
      const oldest = (await api.get("/admin/repair-jobs?limit=2&sort=created_at", manager)).data;
      expect(ids(oldest)).toEqual([`rjob_scale_${BULK_JOBS}`, `rjob_scale_${BULK_JOBS - 1}`]);
      const dueSoonest = (await api.get("/admin/repair-jobs?limit=3&sort=sla_due_at&status=pending", manager)).data;
      const due = dueSoonest.repair_jobs.map((j: { sla_due_at: string }) => Date.parse(j.sla_due_at));
      expect(due).toEqual([...due].sort((a, b) => a - b));

      const breaches = (await api.get("/admin/repair-jobs/sla-breaches", manager)).data;
      const [open] = await rows(sqlConnection(getContainer()),
        `SELECT count(*)::int AS n FROM repair_job WHERE deleted_at IS NULL AND status IN ('pending', 'in_progress', 'awaiting_approval', 'awaiting_parts')
           AND sla_due_at + sla_paused_seconds * interval '1 second' < coalesce(sla_paused_since, now())`);
      expect(breaches.count).toBe(open!.n);
      expect(breaches.repair_jobs).toHaveLength(100);
      const remaining = breaches.repair_jobs.map((j: { sla: { remaining_ms: number; breached: boolean } }) => j.sla.remaining_ms);
      expect(remaining).toEqual([...remaining].sort((a, b) => a - b));
      expect(breaches.repair_jobs.every((j: { sla: { breached: boolean } }) => j.sla.breached)).toBe(true);
    });
  },
});
