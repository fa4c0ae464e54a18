import type { MedusaContainer } from "@medusajs/framework/types";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { customerSearchStatements, type CustomerSearchInput } from "@voltura/plugin-platform/modules/search/customer-sql";
import { itemSearchStatement } from "@voltura/plugin-platform/modules/search/item-sql";
import { staffHeaders, type Headers } from "./crm-helpers";
import { jobBody, settle } from "./helpers";
import { seedPosFixture } from "./pos.fixtures";
import { explainPlan } from "./plans";

/** Enough rows that PostgreSQL prefers an index whenever one fits; the plans, not the clock, are asserted. */
const BULK_CUSTOMERS = 20_000;
const BULK_VARIANTS = 5_000;
const IMEI = "356938035643809";
const POWER_BANK_BARCODE = "9555000777001";


/** Customers with phones of spread digits, a third with a CRM profile (types, tags, visits), each with a device. */
async function seedBulk(c: MedusaContainer) {
  const db = sqlConnection(c);
  await db.raw(`
    INSERT INTO customer (id, first_name, last_name, email, phone, created_at, updated_at)
    SELECT 'cus_scale_' || g, (ARRAY['Tan','Lim','Wong','Ahmad','Siti','Raj','Nurul','Hafiz'])[1 + g % 8],
      (ARRAY['Wei','Mei','Ling','Hamzah','Aziz','Kumar','Chong'])[1 + (g / 8) % 7] || ' ' || g,
      CASE WHEN g % 4 = 0 THEN 'bulk' || g || '@mail.test' END,
      '+601' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
      now() - g * interval '7 minutes', now() - g * interval '7 minutes'
    FROM generate_series(1, ${BULK_CUSTOMERS}) g`);
  await db.raw(`
    INSERT INTO customer_profile (id, customer_type, tags, last_visit_at, created_at, updated_at)
    SELECT 'cprof_scale_' || g, (ARRAY['walk_in','walk_in','walk_in','corporate','dealer'])[1 + g % 5],
      CASE WHEN g % 30 = 0 THEN '["vip"]'::jsonb ELSE '[]'::jsonb END,
      CASE WHEN g % 2 = 0 THEN now() - g * interval '1 hour' END, now(), now()
    FROM generate_series(3, ${BULK_CUSTOMERS}, 3) g`);
  await db.raw(`
    INSERT INTO customer_customer_crm_customer_profile (id, customer_id, customer_profile_id)
    SELECT 'ccprof_scale_' || g, 'cus_scale_' || g, 'cprof_scale_' || g FROM generate_series(3, ${BULK_CUSTOMERS}, 3) g`);
  await db.raw(`
    INSERT INTO device (id, device_type, brand, model, created_at, updated_at)
    SELECT 'cdev_scale_' || g, (ARRAY['phone','phone','tablet','laptop','console'])[1 + g % 5], 'Brand', 'Model ' || g, now(), now()
    FROM generate_series(1, ${BULK_CUSTOMERS}) g`);
  await db.raw(`
    INSERT INTO customer_customer_crm_device (id, customer_id, device_id)
    SELECT 'ccdev_scale_' || g, 'cus_scale_' || g, 'cdev_scale_' || g FROM generate_series(1, ${BULK_CUSTOMERS}) g`);
  await db.raw(`
    INSERT INTO product (id, title, handle, status, created_at, updated_at)
    SELECT 'prod_scale_' || g, (ARRAY['Screen','Battery','Charger','Case','Back Cover'])[1 + g % 5] || ' ' ||
      (ARRAY['iPhone','Galaxy','Redmi','Oppo','Vivo'])[1 + (g / 5) % 5] || ' ' || g, 'scale-' || g, 'published', now(), now()
    FROM generate_series(1, ${BULK_VARIANTS}) g`);
  await db.raw(`
    INSERT INTO product_variant (id, title, sku, barcode, product_id, manage_inventory, created_at, updated_at)
    SELECT 'variant_scale_' || g, 'Default', 'SC-' || lpad(g::text, 6, '0'), '9556' || lpad(g::text, 9, '0'), 'prod_scale_' || g, true, now(), now()
    FROM generate_series(1, ${BULK_VARIANTS}) g`);
  // A bundle whose name holds the power bank's barcode: a text hit that must rank below the exact one.
  await db.raw(`INSERT INTO product (id, title, handle, status, created_at, updated_at) VALUES
    ('prod_scale_bundle', 'Bundle ${POWER_BANK_BARCODE}0 pack', 'scale-bundle', 'published', now(), now()),
    ('prod_scale_powerbank', 'Power Bank 10000mAh', 'scale-powerbank', 'published', now(), now())`);
  await db.raw(`INSERT INTO product_variant (id, title, sku, barcode, product_id, manage_inventory, created_at, updated_at) VALUES
    ('variant_scale_bundle', 'Default', 'SC-BUNDLE', NULL, 'prod_scale_bundle', false, now(), now()),
    ('variant_scale_powerbank', 'Default', 'SC-PB10K', '${POWER_BANK_BARCODE}', 'prod_scale_powerbank', false, now(), now())`);
  await db.raw(`ANALYZE customer; ANALYZE customer_profile; ANALYZE customer_customer_crm_customer_profile; ANALYZE device;
    ANALYZE customer_customer_crm_device; ANALYZE product; ANALYZE product_variant`);
}

const explain = (c: MedusaContainer, statement: { sql: string; bindings: unknown[] }) => explainPlan(c, statement, ["customer", "product_variant", "product"]);

medusaIntegrationTestRunner({
  dbName: "voltura_it_search_scale",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let aisyah: string;
    let zoe: string;
    let job: { id: string; job_number: string };

    beforeEach(async () => {
      const c = getContainer();
      as = await staffHeaders(c);
      await seedPosFixture(c);
      await seedBulk(c);
      aisyah = (await api.post("/admin/crm/customers", { name: "Aisyah Rahman", phone: "012-345 6789", email: "aisyah@mail.test" }, as.cashier)).data.customer.id;
      zoe = (await api.post("/admin/crm/customers", { name: "Zoë Núñez", phone: "016-220 1144", customer_type: "dealer", tags: ["vip"] }, as.cashier)).data.customer.id;
      job = (await api.post("/admin/repair-jobs", jobBody({ imei_serial: IMEI, customer: { name: "Aisyah Rahman", phone: "012-345 6789" } }), as.manager)).data.repair_job;
      await sqlConnection(c).raw(`ANALYZE customer`);
    });

    const customers = async (query: string) => (await api.get(`/admin/crm/customers?${query}`, as.manager)).data;
    const customerIds = (answer: { customers: Array<{ id: string }> }) => answer.customers.map((x) => x.id);
    const search = async (q: string, who: Headers, extra = "") => (await api.get(`/admin/search?q=${encodeURIComponent(q)}${extra}`, who)).data;

    it("finds customers by any run of phone digits in any format, by email, and by name in any case or accents", async () => {
      for (const q of ["6789", "345 6789", "012-345 6789", "+60 12-345 6789", "60123456789"]) {
        expect(customerIds(await customers(`q=${encodeURIComponent(q)}&limit=200`)), q).toContain(aisyah);
      }
      for (const q of ["012-345 6789", "+60 12-345 6789", "0123456789"]) expect(customerIds(await customers(`q=${encodeURIComponent(q)}`))[0], q).toBe(aisyah);
      expect(customerIds(await customers("q=aisyah%40mail.test"))).toEqual([aisyah]);
      for (const q of ["ZOË", "zoe", "zoe nunez", "NÚÑEZ"]) expect(customerIds(await customers(`q=${encodeURIComponent(q)}`)), q).toEqual([zoe]);
      const dealersNamedZoe = await customers("q=zoe&type=dealer&tag=vip&order=name");
      expect(customerIds(dealersNamedZoe)).toEqual([zoe]);
      expect(dealersNamedZoe.count).toBe(1);
      // Sorted by last visit, the never-visited follow the visited, also across a page boundary.
      const [{ n: visited }] = await rows(sqlConnection(getContainer()), "SELECT count(*)::int AS n FROM customer_profile WHERE last_visit_at IS NOT NULL");
      const visits = async (offset: number) =>
        (await customers(`order=-last_visit_at&limit=6&offset=${offset}`)).customers.map((x: { last_visit_at: string | null }) => x.last_visit_at !== null);
      expect(await visits(Number(visited) - 3)).toEqual([true, true, true, false, false, false]);
      expect(await visits(Number(visited) + 5)).toEqual([false, false, false, false, false, false]);
      const all = await customers("limit=20");
      expect(all.count_estimated).toBe(true);
      expect(all.count).toBeGreaterThan(BULK_CUSTOMERS * 0.8);
      expect(customerIds(all).slice(0, 2).sort()).toEqual([aisyah, zoe].sort());
    });

    it("answers the intake typeahead with the exact number first, then numbers starting with the digits, in number order", async () => {
      const exact = (await api.get(`/admin/crm/customers/lookup?phone=${encodeURIComponent("+60 12-345 6789")}`, as.technician)).data.customers;
      expect(exact[0]).toMatchObject({ id: aisyah, match: "exact", name: "Aisyah Rahman", customer_type: "walk_in" });
      const partial = (await api.get("/admin/crm/customers/lookup?phone=016-22", as.cashier)).data.customers;
      expect(partial.map((x: { id: string }) => x.id)).toContain(zoe);
      expect(partial.find((x: { id: string }) => x.id === zoe)).toMatchObject({ match: "prefix", customer_type: "dealer" });
      const prefix = (await api.get("/admin/crm/customers/lookup?phone=0161", as.cashier)).data.customers;
      expect(prefix).toHaveLength(8);
      const phones = prefix.map((x: { phone: string }) => x.phone);
      expect(phones).toEqual([...phones].sort());
      expect(phones.every((p: string) => p.startsWith("+60161"))).toBe(true);
    });

    it("searches jobs, customers and items in one call, exact hits first, and leaves out kinds the role may not read", async () => {
      const bare = await search(job.job_number.replace(/-/g, ""), as.cashier);
      expect(bare.hits[0]).toMatchObject({ kind: "job", id: job.id, match: "exact", title: job.job_number });
      expect((await search(IMEI, as.cashier)).hits[0]).toMatchObject({ kind: "job", id: job.id, match: "exact" });
      const phone = await search("012-345 6789", as.cashier);
      expect(phone.hits.slice(0, 2).map((h: { kind: string; match: string }) => `${h.kind}:${h.match}`).sort()).toEqual(["customer:exact", "job:exact"]);
      expect(phone.hits.find((h: { kind: string }) => h.kind === "customer")).toMatchObject({ id: aisyah, title: "Aisyah Rahman", subtitle: expect.stringContaining("012-345 6789") });
      const barcode = await search(POWER_BANK_BARCODE, as.cashier, "&entity=item");
      expect(barcode.hits.map((h: { id: string; match: string }) => `${h.id}:${h.match}`)).toEqual(["variant_scale_powerbank:exact", "variant_scale_bundle:text"]);
      expect((await search("zoë", as.owner)).hits).toEqual([expect.objectContaining({ kind: "customer", id: zoe, match: "prefix" })]);

      const technician = await search("012-345 6789", as.technician, "&entity=job,customer,item");
      expect(technician.kinds).toEqual(["job", "customer"]);
      expect(technician.hits.length).toBeGreaterThan(0);
      expect(technician.hits.every((h: { kind: string }) => h.kind !== "item")).toBe(true);
      expect(await search(POWER_BANK_BARCODE, as.technician, "&entity=item")).toEqual({ hits: [], kinds: [] });
      expect((await settle(api.get("/admin/search?q=x&entity=orders", as.owner))).status).toBe(400);
      expect((await settle(api.get("/admin/search", as.owner))).status).toBe(400);
    });

    it("ranks the counter's exact code first, keeps the catalogue answer, and a scanner's code finds only that code", async () => {
      const byBarcode = (await api.get(`/admin/pos/catalogue?q=${POWER_BANK_BARCODE}`, as.cashier)).data.items;
      expect(byBarcode.map((i: { variant_id: string }) => i.variant_id)).toEqual(["variant_scale_powerbank", "variant_scale_bundle"]);
      const scanned = (await api.get("/admin/pos/catalogue?code=9555000900028", as.cashier)).data.items;
      expect(scanned).toEqual([expect.objectContaining({ sku: "T-POS-USBC", price_sen: 1990, available: 10 })]);
      expect((await api.get("/admin/pos/catalogue?code=t-pos-usbc", as.cashier)).data.items.map((i: { sku: string }) => i.sku)).toEqual(["T-POS-USBC"]);
      const prefix = (await api.get("/admin/pos/catalogue?q=SC-0012&limit=5", as.cashier)).data.items;
      expect(prefix).toHaveLength(5);
      expect(prefix.every((i: { sku: string }) => i.sku.startsWith("SC-0012"))).toBe(true);
      const byName = (await api.get("/admin/pos/catalogue?q=cable", as.cashier)).data.items;
      expect(byName[0]).toMatchObject({ sku: "T-POS-USBC", kind: "product" });
    });

    it("runs every customer list, search, typeahead and item search on its indexes, never a sequential scan", async () => {
      const c = getContainer();
      const timings: string[] = [];
      const check = async (label: string, statement: { sql: string; bindings: unknown[] }, index?: string) => {
        const plan = await explain(c, statement);
        expect(plan.seqScans, `${label}: ${plan.described}`).toBe(0);
        // A name, or the start of the names of indexes that all fit (e.g. either index on barcode).
        if (index) expect(plan.indexes.some((name) => name.startsWith(index)), `${label}: ${plan.described}`).toBe(true);
        timings.push(`${label} ${plan.ms.toFixed(1)} ms`);
      };
      const list = (input: Partial<CustomerSearchInput>): CustomerSearchInput => ({ order: "-created_at", limit: 50, offset: 0, ...input });
      const lists: Array<[string, CustomerSearchInput, string | undefined]> = [
        ["list -created_at", list({}), "IDX_customer_created_at_id"],
        ["list created_at", list({ order: "created_at" }), "IDX_customer_created_at_id"],
        ["list name", list({ order: "name" }), "IDX_customer_name_id"],
        ["list -name", list({ order: "-name" }), "IDX_customer_name_id"],
        ["list -last_visit_at", list({ order: "-last_visit_at" }), "IDX_customer_profile_last_visit_at"],
        ["list type=dealer", list({ filters: { customer_type: "dealer" } }), undefined],
        ["list tag=vip", list({ filters: { tag: "vip" } }), undefined],
        ["list device_type=laptop", list({ filters: { device_type: "laptop" } }), undefined],
        // A broad entry (over 1,000 matches) reads each condition in list order up to the window.
        ["q=tan, dense", list({ q: "tan", dense: true }), undefined],
        ["q=0161, dense", list({ q: "0161", dense: true }), undefined],
      ];
      for (const [label, input, index] of lists) await check(label, customerSearchStatements(input).page, index);
      const searches: Array<[string, CustomerSearchInput, string]> = [
        ["q=6789", list({ q: "6789" }), "IDX_customer_phone_digits_trgm"],
        ["q=012-345 6789", list({ q: "012-345 6789" }), "IDX_customer_phone_digits_c"],
        ["q=tan wei", list({ q: "tan wei" }), "IDX_customer_search_key_trgm"],
        ["q=ng", list({ q: "ng" }), "IDX_customer_search_words"],
        ["q=email", list({ q: "aisyah@mail.test" }), "IDX_customer_email_lower"],
        ["lookup 016-1", { q: "016-1", order: "phone", limit: 8, offset: 0, phoneContains: false, window: 16 }, "IDX_customer_phone_digits_c"],
      ];
      for (const [label, input, index] of searches) {
        const statements = customerSearchStatements(input);
        await check(label, statements.page, index);
        await check(`${label} [count]`, statements.count);
      }
      const items: Array<[string, Parameters<typeof itemSearchStatement>[0], string]> = [
        ["item barcode", { q: POWER_BANK_BARCODE, limit: 20 }, "IDX_product_variant_barcode_"],
        ["item code", { q: "sc-000123", limit: 5, exactOnly: true }, "IDX_product_variant_sku_unique"],
        ["item sku prefix", { q: "SC-0012", limit: 20 }, "IDX_product_variant_sku_upper_pattern"],
        ["item name", { q: "galaxy screen", limit: 20 }, "IDX_product_title_trgm"],
      ];
      for (const [label, input, index] of items) await check(label, itemSearchStatement(input)!, index);
      console.info(`search plans on ${BULK_CUSTOMERS} customers, ${BULK_VARIANTS} variants:\n  ${timings.join("\n  ")}`);
    });
  },
});
