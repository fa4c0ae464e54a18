import type { MedusaContainer } from "@medusajs/framework/types";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { sqlConnection } from "@voltura/medusa-kit";
import { RECORD_SOURCES, recordSearchStatement } from "@voltura/plugin-platform/modules/search/record-sql";
import { staffHeaders, type Headers } from "./crm-helpers";
import { settle } from "./helpers";
import { explainPlan } from "./plans";

/** Enough rows that PostgreSQL prefers an index whenever one fits; the plans, not the clock, are asserted. */
const BULK = 8_000;
const BIG_TABLES = ["repair_invoice", "repair_job", "sales_invoice", "quotation", "pos_sale", "concierge_conversation", "customer"];


const BUYERS = `(ARRAY['Tan','Lim','Wong','Ahmad','Siti','Raj'])[1 + g % 6] || ' ' || (ARRAY['Wei','Mei','Ling','Hafiz','Nur','Kumar','Chong'])[1 + (g / 6) % 7] || ' ' || g`;
const PHONES = `'+601' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0')`;

/** Jobs with invoices, sales invoices, quotations, counter sales and chats of past years, and the records the cases look for. */
async function seed(c: MedusaContainer) {
  const db = sqlConnection(c);
  await db.raw(`
    INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone,
      created_by, received_at, sla_due_at, tracking_token, created_at, updated_at)
    SELECT 'rjob_pal_' || g, 'VSH-2024-' || lpad(g::text, 6, '0'), 'delivered', 'phone', (ARRAY['Samsung','Xiaomi','Oppo'])[1 + g % 3],
      'Model ' || (g % 97), 'Screen', 'normal', ${BUYERS}, ${PHONES}, 'seed', now() - g * interval '1 hour',
      now() - g * interval '1 hour' + interval '72 hours', 'tok_pal_' || g, now() - g * interval '1 hour', now() - g * interval '1 hour'
    FROM generate_series(1, ${BULK}) g`);
  await db.raw(`
    INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen,
      sst_rate_bp, prices_include_tax, issued_at, issued_by)
    SELECT 'rinv_pal_' || g, 'rjob_pal_' || g, 'INV-2024-' || lpad(g::text, 6, '0'), 10000, 0, 10000, 0, 10000, 0, false,
      now() - g * interval '1 hour', 'seed'
    FROM generate_series(1, ${BULK}) g`);
  for (const [table, prefix, number] of [["sales_invoice", "sinv_pal_", "INV-2023-"], ["quotation", "quo_pal_", "QUO-2023-"]] as const) {
    const numberColumn = table === "quotation" ? "quotation_number" : "invoice_number";
    const extra = table === "quotation" ? ["valid_until", "now()"] : ["balance_sen", "10000"];
    await db.raw(`
      INSERT INTO ${table} (id, ${numberColumn}, status, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen, prices_include_tax,
        issued_at, created_by, ${extra[0]})
      SELECT '${prefix}' || g, '${number}' || lpad(g::text, 6, '0'), ${table === "quotation" ? "'sent'" : "'unpaid'"},
        jsonb_build_object('name', ${BUYERS}, 'phone', ${PHONES}), '[]'::jsonb, 10000, 0, 0, 10000, false,
        now() - g * interval '1 hour', 'seed', ${extra[1]}
      FROM generate_series(1, ${BULK}) g`);
  }
  await db.raw(`
    INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, customer_phone, customer_name,
      cashier_id, cashier_name, sold_at)
    SELECT 'psale_pal_' || g, 'key_pal_' || g, 'hash', 'completed', 'RCP-2023-' || lpad(g::text, 6, '0'), 'reg_1',
      CASE WHEN g % 5 = 0 THEN ${PHONES} END, CASE WHEN g % 5 = 0 THEN ${BUYERS} END, 'user_seed', 'Seed', now() - g * interval '1 hour'
    FROM generate_series(1, ${BULK}) g`);
  await db.raw(`
    INSERT INTO customer (id, first_name, last_name, phone, created_at, updated_at)
    SELECT 'cus_pal_' || g, (ARRAY['Tan','Lim','Wong','Ahmad','Siti','Raj'])[1 + g % 6], 'Chat ' || g, ${PHONES}, now(), now()
    FROM generate_series(1, ${BULK}) g`);
  await db.raw(`
    INSERT INTO concierge_conversation (id, phone, customer_id, recent_turns, last_message_at)
    SELECT 'conv_pal_' || g, ${PHONES}, 'cus_pal_' || g, '[]'::jsonb, now() - g * interval '1 hour'
    FROM generate_series(1, ${BULK}) g`);
  // The records the cases look for.
  await db.raw(`
    INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone,
      created_by, received_at, sla_due_at, tracking_token)
    VALUES ('rjob_aisyah', 'VSH-2026-000777', 'completed', 'phone', 'Apple', 'iPhone 13 Pro', 'Cracked screen', 'normal',
      'Aisyah Rahman', '+60123456789', 'seed', now(), now() + interval '72 hours', 'tok_aisyah')`);
  await db.raw(`
    INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen,
      sst_rate_bp, prices_include_tax, issued_at, issued_by)
    VALUES ('rinv_aisyah', 'rjob_aisyah', 'INV-2026-000777', 25000, 0, 25000, 0, 25000, 0, false, now(), 'seed')`);
  await db.raw(`
    INSERT INTO sales_invoice (id, invoice_number, status, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen, balance_sen,
      prices_include_tax, issued_at, created_by)
    VALUES ('sinv_maju', 'INV-2026-000900', 'unpaid', '{"name": "Syarikat Maju Jaya Sdn Bhd", "phone": "03-5555 1234"}', '[]', 5000, 0, 0, 5000, 5000, false, now(), 'seed')`);
  await db.raw(`
    INSERT INTO quotation (id, quotation_number, status, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen,
      prices_include_tax, issued_at, valid_until, created_by)
    VALUES ('quo_zoe', 'QUO-2026-000321', 'sent', '{"name": "Zoë Núñez", "phone": "+60162201144"}', '[]', 5000, 0, 0, 5000, false, now(), now(), 'seed')`);
  await db.raw(`
    INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, customer_phone, customer_name,
      cashier_id, cashier_name, sold_at)
    VALUES ('psale_hafiz', 'key_hafiz', 'hash', 'completed', 'RCP-2026-004242', 'reg_1', '+60197778888', 'Hafiz Ismail', 'user_seed', 'Seed', now()),
      ('psale_pending', 'key_pending', 'hash', 'pending', NULL, 'reg_1', '+60197778888', 'Hafiz Ismail', 'user_seed', 'Seed', NULL)`);
  await db.raw(`INSERT INTO customer (id, first_name, last_name, phone, created_at, updated_at)
    VALUES ('cus_meiling', 'Mei Ling', 'Tan', '+60127654321', now(), now())`);
  await db.raw(`INSERT INTO concierge_conversation (id, phone, customer_id, recent_turns, last_message_at, mode) VALUES
    ('conv_meiling', '+60127654321', 'cus_meiling', '[]', now(), 'handoff'),
    ('conv_stranger', '+60138889999', NULL, '[]', now(), 'bot')`);
  await db.raw(BIG_TABLES.map((t) => `ANALYZE ${t}`).join("; "));
}

const explain = (c: MedusaContainer, statement: { sql: string; bindings: unknown[] }) => explainPlan(c, statement, BIG_TABLES);

type Hit = { kind: string; id: string; title: string; subtitle: string | null; match: string; page_id?: string | null };

medusaIntegrationTestRunner({
  dbName: "voltura_it_search_palette",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;

    beforeEach(async () => {
      const c = getContainer();
      as = await staffHeaders(c);
      await seed(c);
    });

    const search = async (q: string, who: Headers, kinds?: string): Promise<{ hits: Hit[]; kinds: string[] }> =>
      (await api.get(`/admin/search?q=${encodeURIComponent(q)}${kinds ? `&entity=${kinds}` : ""}&limit=20`, who)).data;
    const first = async (q: string, kind: string, who: Headers = as.cashier) => (await search(q, who, kind)).hits[0];

    it("finds invoices, quotations, receipts and chats by number, phone in any format and name, exact first", async () => {
      // Repair invoices: the number however typed; the customer through the job; the page is the job's.
      for (const q of ["INV-2026-000777", "inv2026000777", "2026000777"]) {
        expect(await first(q, "invoice"), q).toMatchObject({ kind: "invoice", id: "rinv_aisyah", match: "exact", title: "INV-2026-000777", page_id: "rjob_aisyah" });
      }
      expect(await first("012-345 6789", "invoice")).toMatchObject({ id: "rinv_aisyah", match: "exact", subtitle: expect.stringContaining("Aisyah Rahman") });
      expect((await search("INV-2026-0007", as.cashier, "invoice")).hits.map((h) => `${h.id}:${h.match}`)).toEqual(["rinv_aisyah:prefix"]);
      // Sales invoices (the same number series): buyer phone as typed on the invoice, buyer name.
      expect(await first("INV-2026-000900", "invoice")).toMatchObject({ id: "sinv_maju", match: "exact", page_id: "sinv_maju" });
      expect(await first("+60 3-5555 1234", "invoice")).toMatchObject({ id: "sinv_maju", match: "exact" });
      expect((await search("maju jaya", as.cashier, "invoice")).hits.map((h) => h.id)).toEqual(["sinv_maju"]);

      expect(await first("QUO-2026-000321", "quotation")).toMatchObject({ kind: "quotation", id: "quo_zoe", match: "exact", title: "QUO-2026-000321" });
      expect(await first("016-220 1144", "quotation")).toMatchObject({ id: "quo_zoe", match: "exact" });
      for (const q of ["zoe nunez", "NÚÑEZ"]) expect((await search(q, as.cashier, "quotation")).hits.map((h) => h.id), q).toEqual(["quo_zoe"]);

      // Receipts: number and phone; a checkout that never sold has no receipt and is not found.
      expect(await first("RCP-2026-004242", "receipt")).toMatchObject({ kind: "receipt", id: "psale_hafiz", match: "exact" });
      expect((await search("019-777 8888", as.cashier, "receipt")).hits.map((h) => `${h.id}:${h.match}`)).toEqual(["psale_hafiz:exact"]);
      expect((await search("7778888", as.cashier, "receipt")).hits.map((h) => `${h.id}:${h.match}`)).toEqual(["psale_hafiz:text"]);

      // Chats: the phone in any format; the customer's name; a chat without a customer is named by its phone.
      for (const q of ["012-765 4321", "+60127654321", "60127654321"]) {
        expect(await first(q, "chat"), q).toMatchObject({ kind: "chat", id: "+60127654321", match: "exact", title: "Mei Ling Tan" });
      }
      expect((await search("mei ling", as.technician, "chat")).hits[0]).toMatchObject({ id: "+60127654321", match: "prefix" });
      expect(await first("+60 13-888 9999", "chat")).toMatchObject({ id: "+60138889999", match: "exact", title: expect.stringContaining("13-888 9999") });

      // Jobs by device, as the job list matches them: the model anywhere, the brand's start.
      expect((await search("iphone 13 pro", as.technician, "job")).hits.map((h) => h.id)).toEqual(["rjob_aisyah"]);
      expect((await search("apple iph", as.technician, "job")).hits[0]).toMatchObject({ id: "rjob_aisyah", match: "prefix" });

      // One search over every kind: the exact hits lead, each kind keeps a share of the limit.
      const all = (await api.get(`/admin/search?q=${encodeURIComponent("012-345 6789")}&limit=14`, as.owner)).data as { hits: Hit[]; kinds: string[] };
      expect(all.kinds).toEqual(["job", "customer", "item", "invoice", "quotation", "receipt", "chat"]);
      expect(all.hits.slice(0, 2).map((h) => `${h.kind}:${h.id}:${h.match}`).sort()).toEqual(["invoice:rinv_aisyah:exact", "job:rjob_aisyah:exact"]);
    });

    it("leaves out the kinds a role may not list: a technician sees chats, never invoices, quotations or receipts", async () => {
      const asked = "invoice,quotation,receipt,chat";
      const technician = await search("RCP-2026-004242", as.technician, asked);
      expect(technician.kinds).toEqual(["chat"]);
      expect(technician.hits).toEqual([]);
      expect((await search("019-777 8888", as.technician)).hits.some((h) => h.kind === "receipt")).toBe(false);
      expect((await search("INV-2026-000777", as.technician)).hits.some((h) => h.kind === "invoice")).toBe(false);
      expect((await search("012-765 4321", as.technician)).hits.map((h) => h.kind)).toContain("chat");
      for (const role of ["owner", "manager", "cashier"] as const) {
        expect((await search("RCP-2026-004242", as[role], asked)).kinds, role).toEqual(["invoice", "quotation", "receipt", "chat"]);
        expect((await first("RCP-2026-004242", "receipt", as[role]))?.id, role).toBe("psale_hafiz");
      }
      expect((await settle(api.get("/admin/search?q=x&entity=receipts", as.owner))).status).toBe(400);
    });

    it("reads every record search on its indexes, never a sequential scan", async () => {
      const c = getContainer();
      const timings: string[] = [];
      const cases: Array<[keyof typeof RECORD_SOURCES, string, string]> = [
        ["repairInvoice", "INV-2024-004321", "IDX_repair_invoice_invoice_number_key_pattern"],
        ["repairInvoice", "INV-2024-0043", "IDX_repair_invoice_invoice_number_key_pattern"],
        ["repairInvoice", "004321", "IDX_repair_invoice_invoice_number_key_trgm"],
        ["repairInvoice", "012-345 6789", "IDX_repair_job_phone_digits_trgm"],
        ["repairInvoice", "aisyah rahman", "IDX_repair_job_customer_name_trgm"],
        ["salesInvoice", "INV-2023-004321", "IDX_sales_invoice_invoice_number_key_pattern"],
        ["salesInvoice", "03-5555 1234", "IDX_sales_invoice_buyer_phone_digits_trgm"],
        ["salesInvoice", "maju jaya", "IDX_sales_invoice_buyer_name_trgm"],
        ["quotation", "QUO-2023-004321", "IDX_quotation_quotation_number_key_pattern"],
        ["quotation", "QUO-2023-0043", "IDX_quotation_quotation_number_key_pattern"],
        ["quotation", "016-220 1144", "IDX_quotation_buyer_phone_digits_trgm"],
        ["quotation", "zoe nunez", "IDX_quotation_buyer_name_trgm"],
        ["receipt", "RCP-2023-004321", "IDX_pos_sale_receipt_number_key_pattern"],
        ["receipt", "4321", "IDX_pos_sale_receipt_number_key_trgm"],
        ["receipt", "019-777 8888", "IDX_pos_sale_customer_phone_digits_trgm"],
        ["receipt", "hafiz ismail", "IDX_pos_sale_customer_name_trgm"],
        ["chat", "012-765 4321", "IDX_concierge_conversation_phone_digits_trgm"],
        ["chat", "7654321", "IDX_concierge_conversation_phone_digits_trgm"],
        ["chat", "mei ling", "IDX_concierge_conversation_customer_id"],
      ];
      for (const [source, q, index] of cases) {
        const statement = recordSearchStatement(RECORD_SOURCES[source], q, 6);
        expect(statement, `${source} ${q}`).not.toBeNull();
        const plan = await explain(c, statement!);
        const label = `${source} "${q}"`;
        expect(plan.seqScans, `${label}: ${plan.described}`).toBe(0);
        expect(plan.indexes.some((name) => name.startsWith(index)), `${label}: ${plan.described}`).toBe(true);
        timings.push(`${label} ${plan.ms.toFixed(1)} ms`);
      }
      console.info(`palette record plans on ${BULK} rows per table:\n  ${timings.join("\n  ")}`);
    });
  },
});
