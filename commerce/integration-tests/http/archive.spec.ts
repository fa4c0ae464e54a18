import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { ARCHIVED_TABLES, TAX_RECORD_TABLES } from "@voltura/plugin-operations/domain/archive-plan";
import { archiveSearchTerms } from "@voltura/plugin-operations/domain/archive-rules";
import { archiveSearchStatements } from "@voltura/plugin-operations/modules/archive/sql/search";
import {
  AISYAH, BALA, fingerprint, hotFingerprint, insertBulkJobs, insertConversation, insertCustomer, insertJob, insertMessage, insertSale, OLD, placesOf, RECENT,
} from "./archive-fixtures";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";

type Headers = StaffHeaders;
const BULK = 20_000;
const TABLES = [...ARCHIVED_TABLES, ...TAX_RECORD_TABLES];

medusaIntegrationTestRunner({
  dbName: "voltura_it_archive",
  testSuite: ({ api, getContainer }) => {
    let owner: Headers;
    let manager: Headers;
    let cashier: Headers;
    let system: Headers;
    const before: Record<string, string> = {};
    const idsBefore: Record<string, string[]> = {};
    const hotBefore: Record<string, string> = {};
    const db = () => sqlConnection(getContainer());
    const settings = (body: Record<string, unknown>, who = owner) => settle(api.put("/admin/archive/settings", body, who));

    beforeAll(async () => {
      const c = getContainer();
      owner = await newStaffHeaders(c, "owner");
      manager = await newStaffHeaders(c, "manager");
      cashier = await newStaffHeaders(c, "cashier");
      system = await authHeaders("system:temporal-worker", "system");
      const d = db();
      await insertCustomer(d, AISYAH);
      await insertCustomer(d, BALA);
      await insertJob(d, { id: "rj_old_delivered", number: "VSH-2023-000101", status: "delivered", at: OLD, person: AISYAH, imei: "356938035643809", children: true, invoice: true });
      await insertJob(d, { id: "rj_old_cancelled", number: "VSH-2023-000102", status: "cancelled", at: OLD, person: AISYAH, children: true });
      await insertJob(d, { id: "rj_old_bala", number: "VSH-2023-000103", status: "returned_unrepaired", at: OLD, person: BALA, children: true, invoice: true });
      await insertJob(d, { id: "rj_recent", number: "VSH-2026-000104", status: "delivered", at: RECENT, children: true, invoice: true });
      await insertJob(d, { id: "rj_old_open", number: "VSH-2023-000105", status: "pending", at: OLD, children: true });
      await insertJob(d, { id: "rj_old_claimed", number: "VSH-2023-000106", status: "delivered", at: OLD, children: true });
      await rows(d, `INSERT INTO repair_warranty_claim (id, claim_job_id, original_job_id, issue, created_by, warranty_id) VALUES ('rwc_1', 'rj_recent', 'rj_old_claimed', 'Again', 'seed', 'rw_rj_old_claimed')`);
      await insertBulkJobs(d, BULK);
      await insertSale(d, { id: "ps_old_aisyah", receipt: "RCP-2023-000201", status: "completed", at: OLD, person: AISYAH });
      await insertSale(d, { id: "ps_old_bala", receipt: "RCP-2023-000202", status: "completed", at: OLD, person: BALA });
      await insertSale(d, { id: "ps_recent", receipt: "RCP-2026-000203", status: "completed", at: RECENT });
      await insertSale(d, { id: "ps_old_committed", receipt: "RCP-2023-000204", status: "committed", at: OLD });
      // Held by a live checkout (its lease), so the recovery job leaves it alone while the spec runs.
      await rows(d, `UPDATE pos_sale SET lease_until = now() + interval '1 day' WHERE id = 'ps_old_committed'`);
      await insertMessage(d, { id: "wm_old_1", phone: AISYAH.phone, at: OLD, status: "delivered", customerId: AISYAH.id, sender: "Aisyah" });
      await insertMessage(d, { id: "wm_old_2", phone: AISYAH.phone, at: OLD, status: "read" });
      await insertMessage(d, { id: "wm_old_bala", phone: BALA.phone, at: OLD, status: "delivered" });
      await rows(d, `INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, created_at, updated_at) VALUES ('wm_old_pending_out', 'wss_1', 'out', ?, 'queued', 'pending', ?, ?)`, [AISYAH.phone, OLD, OLD]);
      await insertMessage(d, { id: "wm_recent", phone: AISYAH.phone, at: RECENT, status: "delivered" });
      await insertConversation(d, { id: "cc_old", phone: AISYAH.phone, at: OLD, customerId: AISYAH.id });
      await insertConversation(d, { id: "cc_recent", phone: "+60111111111", at: RECENT });
      for (const t of TABLES) {
        before[t] = await fingerprint(c, t);
        idsBefore[t] = (await placesOf(c, t)).hot;
        hotBefore[t] = await hotFingerprint(c, t);
      }
    }, 120_000);

    it("reads the settings and refuses a tax retention below 7 years, naming the field", async () => {
      expect((await api.get("/admin/archive/settings", manager)).data.settings).toMatchObject({ archive_after_months: 24, tax_retention_years: 7, batch_size: 500 });
      const refused = await settings({ tax_retention_years: 6 });
      expect(refused.status).toBe(400);
      expect(refused.data.message).toMatch(/tax_retention_years/);
      expect((await settings({ tax_retention_years: 0 })).status).toBe(400);
      expect((await settings({ archive_after_months: 1 })).data.message).toMatch(/archive_after_months/);
      expect((await settings({ tax_retention_years: 10 }, manager)).status).toBe(403);
      expect((await settings({ tax_retention_years: 10 })).data.settings.tax_retention_years).toBe(10);
      // The table itself refuses it too, whoever writes.
      await expect(rows(db(), `UPDATE archive_settings SET tax_retention_years = 5 WHERE id = 'shop'`)).rejects.toThrow(/check/);
      expect((await settings({ tax_retention_years: 7, batch_size: 10 })).data.settings).toMatchObject({ tax_retention_years: 7, batch_size: 10 });
      const audit = await rows(db(), `SELECT changes FROM audit_entry WHERE action = 'archive.settings_updated' ORDER BY created_at DESC LIMIT 1`);
      expect(audit[0]!.changes).toMatchObject({ batch_size: { before: 500, after: 10 } });
    });

    /** Archives everything old (the database is back to the seeded state before every test). */
    async function archiveAll() {
      await settings({ batch_size: 2000 });
      const r = await settle(api.post("/admin/archive/runs", { idempotency_key: "all" }, system));
      expect(r.data).toMatchObject({ done: true, run: { status: "completed" } });
    }

    it("stopped after one batch, leaves every row in exactly one place; the same key carries on; tax records never move", async () => {
      await settings({ batch_size: 10 });
      expect((await settle(api.post("/admin/archive/runs", { idempotency_key: "k1" }, manager))).status).toBe(403);
      const first = await settle(api.post("/admin/archive/runs", { idempotency_key: "k1", max_batches: 1 }, system));
      expect(first.status).toBe(201);
      expect(first.data).toMatchObject({ done: false, replayed: false, run: { status: "running", batches: 1 } });
      expect(first.data.moved.repair_job).toBe(10);
      expect(first.data.run.counts).toEqual(first.data.moved);
      for (const t of TABLES) {
        const { hot, archived } = await placesOf(getContainer(), t);
        expect(hot.filter((id) => archived.includes(id))).toEqual([]);
        expect([...hot, ...archived].sort()).toEqual([...idsBefore[t]!].sort());
        expect({ t, fp: await fingerprint(getContainer(), t) }).toEqual({ t, fp: before[t] });
      }
      await settings({ batch_size: 1000 });
      const done = await settle(api.post("/admin/archive/runs", { idempotency_key: "k1" }, owner));
      expect(done.status).toBe(201);
      expect(done.data).toMatchObject({ done: true, run: { status: "completed" } });
      expect(done.data.run.counts).toMatchObject({
        repair_job: BULK + 3, repair_job_event: 3, repair_job_photo: 3, repair_job_status_change: 3, repair_quote: 3, repair_warranty: 3,
        pos_sale: 2, pos_sale_line: 2, pos_payment: 2, whatsapp_message: 3, concierge_conversation: 1,
      });
      const replay = await settle(api.post("/admin/archive/runs", { idempotency_key: "k1" }, system));
      expect(replay).toMatchObject({ status: 200, data: { replayed: true, run: { id: done.data.run.id, counts: done.data.run.counts } } });
      for (const t of TAX_RECORD_TABLES) expect((await placesOf(getContainer(), t)).archived).toEqual([]);
      for (const t of TABLES) expect({ t, fp: await fingerprint(getContainer(), t) }).toEqual({ t, fp: before[t] });
      expect((await placesOf(getContainer(), "repair_job")).hot.sort()).toEqual(["rj_old_claimed", "rj_old_open", "rj_recent"]);
      expect((await placesOf(getContainer(), "pos_sale")).hot.sort()).toEqual(["ps_old_committed", "ps_recent"]);
      expect((await placesOf(getContainer(), "whatsapp_message")).hot.sort()).toEqual(["wm_old_pending_out", "wm_recent"]);
      const runs = await api.get("/admin/archive/runs", manager);
      expect(runs.data.runs[0]).toMatchObject({ idempotency_key: "k1", status: "completed" });
      expect((await settle(api.get("/admin/archive/runs", cashier))).status).toBe(403);
      expect((await rows(db(), `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'archive.run'`))[0]!.n).toBe(2);
    });

    it("finds archived records by job number, phone in any format, name, IMEI and receipt number, through the trigram index", async () => {
      await archiveAll();
      const search = async (q: string) => (await api.get(`/admin/archive/search?q=${encodeURIComponent(q)}`, manager)).data.hits as Array<{ entity: string; id: string }>;
      const ids = (hits: Array<{ entity: string; id: string }>) => hits.map((h) => `${h.entity}:${h.id}`);
      expect(ids(await search("VSH-2023-000101"))).toEqual(["repair_job:rj_old_delivered"]);
      expect(ids(await search("VSH2023000102"))).toEqual(["repair_job:rj_old_cancelled"]);
      expect(ids(await search("356938035643809"))).toEqual(["repair_job:rj_old_delivered"]);
      expect(ids(await search("RCP-2023-000202"))).toEqual(["pos_sale:ps_old_bala"]);
      for (const phone of ["012-345 6789", "+60123456789", "0123456789"]) {
        expect(ids(await search(phone)).sort()).toEqual(["conversation:+60123456789", "pos_sale:ps_old_aisyah", "repair_job:rj_old_cancelled", "repair_job:rj_old_delivered"]);
      }
      expect(ids(await search("aisyah")).sort()).toEqual(["conversation:+60123456789", "pos_sale:ps_old_aisyah", "repair_job:rj_old_cancelled", "repair_job:rj_old_delivered"]);
      expect(ids(await search("VSH-2026-000104"))).toEqual([]);
      expect((await settle(api.get("/admin/archive/search?q=ab", manager))).data.message).toMatch(/q/);
      expect((await settle(api.get("/admin/archive/search?q=aisyah", cashier))).status).toBe(403);
      await rows(db(), `ANALYZE archive.repair_job`);
      for (const q of ["VSH-2022-001234", "012-345 6789", "customer 1999", "350000000012345"]) {
        const [statement] = archiveSearchStatements(archiveSearchTerms(q)!, 25);
        const [explained] = await rows(db(), `EXPLAIN (FORMAT JSON) ${statement!.sql}`, statement!.bindings);
        const plan = JSON.stringify(explained!["QUERY PLAN"]);
        expect(plan).toContain("archive_repair_job_search");
        expect(plan).not.toMatch(/"Seq Scan"[^}]*"Relation Name":"repair_job"/);
      }
    });

    it("brings a job, a sale and a conversation back with their children, unchanged", async () => {
      await archiveAll();
      expect((await settle(api.post("/admin/archive/restore", { entity: "repair_job", id: "rj_old_delivered" }, cashier))).status).toBe(403);
      expect((await settle(api.post("/admin/archive/restore", { entity: "invoice", id: "x" }, manager))).data.message).toMatch(/entity/);
      expect((await settle(api.post("/admin/archive/restore", { entity: "repair_job", id: "rj_missing" }, manager))).status).toBe(404);
      const job = await settle(api.post("/admin/archive/restore", { entity: "repair_job", id: "rj_old_delivered" }, manager));
      expect(job).toMatchObject({ status: 200, data: { restored: { repair_job: 1, repair_job_event: 1, repair_job_photo: 1, repair_job_status_change: 1, repair_quote: 1, repair_warranty: 1 } } });
      const sale = await settle(api.post("/admin/archive/restore", { entity: "pos_sale", id: "ps_old_aisyah" }, owner));
      expect(sale.data.restored).toEqual({ pos_sale: 1, pos_sale_line: 1, pos_payment: 1 });
      const chat = await settle(api.post("/admin/archive/restore", { entity: "conversation", id: AISYAH.phone }, manager));
      expect(chat.data.restored).toEqual({ concierge_conversation: 1, whatsapp_message: 2 });
      expect((await settle(api.get(`/admin/repair-jobs/rj_old_delivered`, manager))).status).toBe(200);
      expect((await rows(db(), `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'archive.restore'`))[0]!.n).toBe(3);
      for (const [entity, id] of [["repair_job", "rj_old_cancelled"], ["repair_job", "rj_old_bala"], ["pos_sale", "ps_old_bala"], ["conversation", BALA.phone]]) {
        expect((await settle(api.post("/admin/archive/restore", { entity, id }, manager))).status).toBe(200);
      }
      // Every seeded record is back: the hot tables hold exactly what they held before the run.
      for (const t of TABLES) expect({ t, fp: await hotFingerprint(getContainer(), t) }).toEqual({ t, fp: hotBefore[t] });
      expect((await placesOf(getContainer(), "repair_job")).archived.every((id) => id.startsWith("bulk_"))).toBe(true);
      for (const t of TABLES) expect({ t, fp: await fingerprint(getContainer(), t) }).toEqual({ t, fp: before[t] });
    }, 120_000);
  },
});
