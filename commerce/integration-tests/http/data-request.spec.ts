import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { AISYAH, BALA, insertConversation, insertCustomer, insertJob, insertMessage, insertSale, OLD, RECENT, type Person } from "./archive-fixtures";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";

type Headers = StaffHeaders;
/** Tables that hold a person's details, in both schemas. */
const PERSONAL_TABLES = ["customer", "customer_address", "repair_job", "repair_warranty", "pos_sale", "sales_invoice", "quotation", "whatsapp_message",
  "whatsapp_contact", "concierge_conversation", "campaign_recipient"];

medusaIntegrationTestRunner({
  dbName: "voltura_it_data_request",
  testSuite: ({ api, getContainer }) => {
    let owner: Headers;
    let manager: Headers;
    let cashier: Headers;
    const db = () => sqlConnection(getContainer());
    const exportPath = (id: string, format = "json") => `/admin/data-requests/customers/${id}/data-export?format=${format}`;
    const anonymisePath = (id: string) => `/admin/data-requests/customers/${id}/anonymise`;

    async function seedPerson(p: Person, tag: string) {
      const d = db();
      await insertCustomer(d, p);
      await rows(d, `INSERT INTO customer_address (id, customer_id, first_name, last_name, address_1, city, postal_code, phone) VALUES (?, ?, ?, ?, ?, 'Shah Alam', '40000', ?)`,
        [`addr_${tag}`, p.id, p.first, p.last, `12 Jalan ${p.last}`, p.phone]);
      await insertJob(d, { id: `rj_${tag}_old`, number: `VSH-2023-0003${tag === "a" ? "01" : "02"}`, status: "delivered", at: OLD, person: p, children: true, invoice: true });
      await insertJob(d, { id: `rj_${tag}_new`, number: `VSH-2026-0003${tag === "a" ? "11" : "12"}`, status: "in_progress", at: RECENT, person: p, children: true });
      await insertSale(d, { id: `ps_${tag}`, receipt: `RCP-2026-0003${tag === "a" ? "01" : "02"}`, status: "completed", at: RECENT, person: p });
      await insertSale(d, { id: `ps_${tag}_old`, receipt: `RCP-2023-0003${tag === "a" ? "01" : "02"}`, status: "completed", at: OLD, person: p });
      await rows(d, `INSERT INTO sales_invoice (id, invoice_number, customer_id, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen, balance_sen, prices_include_tax, issued_at, created_by, notes)
        VALUES (?, ?, ?, ?::jsonb, '[]'::jsonb, 10000, 0, 800, 10800, 10800, false, now(), 'seed', ?)`,
        [`si_${tag}`, `INV-T-${tag}`, p.id, JSON.stringify({ name: `${p.first} ${p.last}`, phone: p.phone, email: p.email, address: `12 Jalan ${p.last}`, tin: "IG98700000001" }), `Call ${p.first}`]);
      await rows(d, `INSERT INTO quotation (id, quotation_number, customer_id, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen, prices_include_tax, issued_at, valid_until, created_by)
        VALUES (?, ?, ?, ?::jsonb, '[]'::jsonb, 10000, 0, 800, 10800, false, now(), now() + interval '14 days', 'seed')`,
        [`qu_${tag}`, `QUO-T-${tag}`, p.id, JSON.stringify({ name: `${p.first} ${p.last}`, phone: p.phone, email: p.email })]);
      await insertMessage(d, { id: `wm_${tag}_old`, phone: p.phone, at: OLD, status: "delivered", customerId: p.id, sender: p.first, body: `Hi this is ${p.first}` });
      await insertMessage(d, { id: `wm_${tag}_new`, phone: p.phone, at: RECENT, status: "delivered", sender: p.first, body: `Saya ${p.first} ${p.last}` });
      await insertConversation(d, { id: `cc_${tag}`, phone: p.phone, at: RECENT, customerId: p.id });
      await rows(d, `INSERT INTO whatsapp_contact (id, phone, customer_id, name, opted_out_at) VALUES (?, ?, ?, ?, now())`, [`wc_${tag}`, p.phone, p.id, p.first]);
      await rows(d, `INSERT INTO campaign_recipient (id, campaign_id, run_no, customer_id, phone, name, idempotency_key, body) VALUES (?, 'camp_1', 1, ?, ?, ?, ?, ?)`,
        [`cr_${tag}`, p.id, p.phone, p.first, `cr_key_${tag}`, `Salam ${p.first}, promo!`]);
    }

    beforeAll(async () => {
      const c = getContainer();
      owner = await newStaffHeaders(c, "owner");
      manager = await newStaffHeaders(c, "manager");
      cashier = await newStaffHeaders(c, "cashier");
      await seedPerson(AISYAH, "a");
      await seedPerson(BALA, "b");
      // Part of Aisyah's history is already in the archive.
      expect((await api.post("/admin/archive/runs", { idempotency_key: "dr-archive" }, owner)).data.run.counts).toMatchObject({ repair_job: 2, pos_sale: 2, whatsapp_message: 2 });
    }, 120_000);

    it("exports everything held about one customer, hot and archived, and nothing about another", async () => {
      // The customer page still opens while part of the history is archived: it lists the hot jobs only.
      const page = await settle(api.get(`/admin/crm/customers/${AISYAH.id}`, cashier));
      expect(page.status).toBe(200);
      expect(page.data.customer.repair_jobs.map((j: { id: string }) => j.id)).toEqual(["rj_a_new"]);
      expect((await settle(api.get(exportPath(AISYAH.id), cashier))).status).toBe(403);
      expect((await settle(api.get(exportPath(AISYAH.id, "xml"), manager))).data.message).toMatch(/format/);
      expect((await settle(api.get(exportPath("cus_nobody"), manager))).status).toBe(404);
      const res = await api.get(exportPath(AISYAH.id), manager);
      const body = res.data as { data_request_id: string; sections: Array<{ title: string; tables: Array<{ table: string; archived: boolean; rows: Array<Record<string, unknown>> }> }>; counts: Record<string, number> };
      const all = body.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => ({ table: t.table, archived: t.archived, id: String(r.id) }))));
      const idsOf = (table: string) => all.filter((r) => r.table === table).map((r) => r.id).sort();
      expect(idsOf("customer")).toEqual([AISYAH.id]);
      expect(idsOf("customer_address")).toEqual(["addr_a"]);
      expect(idsOf("repair_job")).toEqual(["rj_a_new", "rj_a_old"]);
      expect(all.find((r) => r.id === "rj_a_old")!.archived).toBe(true);
      expect(idsOf("repair_job_status_change")).toEqual(["sc_rj_a_new", "sc_rj_a_old"]);
      expect(idsOf("repair_invoice")).toEqual(["ri_rj_a_old"]);
      expect(idsOf("pos_sale")).toEqual(["ps_a", "ps_a_old"]);
      expect(idsOf("sales_invoice")).toEqual(["si_a"]);
      expect(idsOf("quotation")).toEqual(["qu_a"]);
      expect(idsOf("whatsapp_message")).toEqual(["wm_a_new", "wm_a_old"]);
      expect(idsOf("whatsapp_contact")).toEqual(["wc_a"]);
      expect(idsOf("concierge_conversation")).toEqual(["cc_a"]);
      expect(idsOf("campaign_recipient")).toEqual(["cr_a"]);
      const text = JSON.stringify(body);
      for (const other of [BALA.id, BALA.phone, BALA.email, "Krishnan", "_b_", "si_b", "qu_b"]) expect(text).not.toContain(other);
      expect(text).not.toContain("tracking_token");
      const pdf = await api.get(exportPath(AISYAH.id, "pdf"), { ...manager, responseType: "arraybuffer" });
      expect(pdf.headers["content-type"]).toMatch(/application\/pdf/);
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-");
      const recorded = await rows(db(), `SELECT kind, format, customer_id FROM data_request WHERE customer_id = ? ORDER BY created_at`, [AISYAH.id]);
      expect(recorded).toEqual([{ kind: "export", format: "json", customer_id: AISYAH.id }, { kind: "export", format: "pdf", customer_id: AISYAH.id }]);
      const audited = await rows(db(), `SELECT entity, entity_id, metadata FROM audit_entry WHERE action = 'data_request.export' ORDER BY created_at`);
      expect(audited).toHaveLength(2);
      expect(audited[0]).toMatchObject({ entity: "customer", entity_id: AISYAH.id, metadata: { data_request_id: body.data_request_id, format: "json" } });
    });

    it("anonymises a customer everywhere in one go, keeping the tax records and their totals", async () => {
      const totals = async () => rows(db(), `SELECT 'ri' AS k, sum(total_sen)::int AS s FROM repair_invoice UNION ALL SELECT 'si', sum(total_sen)::int FROM sales_invoice UNION ALL SELECT 'rp', sum(amount_sen)::int FROM repair_payment`);
      const totalsBefore = await totals();
      expect((await settle(api.post(anonymisePath(AISYAH.id), { confirmation: "ANONYMISE" }, manager))).status).toBe(403);
      const unconfirmed = await settle(api.post(anonymisePath(AISYAH.id), { confirmation: "yes" }, owner));
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.data.message).toMatch(/confirmation/);
      const done = await settle(api.post(anonymisePath(AISYAH.id), { confirmation: "ANONYMISE" }, owner));
      expect(done.status).toBe(200);
      expect(done.data.changed).toMatchObject({ customer: 1, customer_address: 1, repair_job: 2, pos_sale: 2, sales_invoice: 1, quotation: 1, whatsapp_message: 2, whatsapp_contact: 1, concierge_conversation: 1, campaign_recipient: 1 });
      // No trace of her name, phone (any format), email or address in any table, hot or archived; Bala untouched.
      for (const table of PERSONAL_TABLES) {
        for (const schema of ["public", "archive"]) {
          const present = (await rows(db(), `SELECT to_regclass(?) IS NOT NULL AS p`, [`${schema}.${table}`]))[0]!.p;
          if (!present) continue;
          const leaks = await rows(db(), `SELECT id FROM ${schema}."${table}" t WHERE t::text ~* ? `, ["aisyah|rahman|123456789|aisyah\\.rahman@|jalan rahman"]);
          expect({ table: `${schema}.${table}`, leaks }).toEqual({ table: `${schema}.${table}`, leaks: [] });
        }
      }
      expect((await rows(db(), `SELECT count(*)::int AS n FROM repair_job WHERE customer_name = 'Bala Krishnan'`))[0]!.n).toBe(1);
      expect((await rows(db(), `SELECT count(*)::int AS n FROM archive.repair_job WHERE customer_name = 'Bala Krishnan'`))[0]!.n).toBe(1);
      expect((await rows(db(), `SELECT buyer FROM sales_invoice WHERE id = 'si_a'`))[0]!.buyer).toEqual({ name: "Anonymised customer", phone: null, email: null, address: null, tin: "IG98700000001" });
      expect((await rows(db(), `SELECT customer_name FROM archive.pos_sale WHERE id = 'ps_a_old'`))[0]!.customer_name).toBe("Anonymised customer");
      expect(await totals()).toEqual(totalsBefore);
      expect((await rows(db(), `SELECT count(*)::int AS n FROM repair_invoice WHERE repair_job_id = 'rj_a_old'`))[0]!.n).toBe(1);
      const recorded = await rows(db(), `SELECT id, kind FROM data_request WHERE customer_id = ? AND kind = 'anonymise'`, [AISYAH.id]);
      expect(recorded).toEqual([{ id: done.data.data_request_id, kind: "anonymise" }]);
      const audited = await rows(db(), `SELECT entity_id, actor_role FROM audit_entry WHERE action = 'data_request.anonymise'`);
      expect(audited).toEqual([{ entity_id: AISYAH.id, actor_role: "owner" }]);
      const listed = await api.get(`/admin/data-requests?customer_id=${AISYAH.id}`, manager);
      expect(listed.data.requests.map((r: { kind: string }) => r.kind)).toEqual(["anonymise"]);
    });
  },
});
