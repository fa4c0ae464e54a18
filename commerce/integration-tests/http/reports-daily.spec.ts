import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { changedDaysStatement, readState, refreshReportDays } from "@voltura/plugin-reports/modules/report-days/daily/refresh";
import { DAY_LINE_SELECT, DAY_SALE_SELECT, dayTechnicianSelect, factsWith, type SqlPart } from "@voltura/plugin-reports/modules/report-days/daily/facts-sql";
import { newCustomers, recentJobs, slaBreaches, statusCounts } from "@voltura/plugin-reports/api/admin/dashboard/dashboard-sql";
import { newStaffHeaders, type StaffHeaders } from "./helpers";
import { createPosOrder, quotationBody } from "./invoicing-helpers";
import { planNodes, type PlanNode } from "./plans";

type Raw = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const sql = (c: MedusaContainer) => c.resolve<Raw>(ContainerRegistrationKeys.PG_CONNECTION);

const DAY_MS = 86_400_000;
const shopDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const today = () => shopDay(new Date());
const dayBefore = (day: string, n: number) => shopDay(new Date(Date.parse(`${day}T04:00:00Z`) - n * DAY_MS));
/** `hour` o'clock shop time on the shop day `n` days before today. */
const at = (n: number, hour: number) => new Date(Date.parse(`${dayBefore(today(), n)}T00:00:00Z`) - 8 * 3_600_000 + hour * 3_600_000);

/** The tables the test fills with 20,000 rows (counter sales are read from their orders, never from pos_sale). */
const BIG_TABLES = ["order", "repair_invoice", "repair_line", "repair_job", "customer"];

async function seqScansOnBigTables(c: MedusaContainer, statement: SqlPart): Promise<string[]> {
  const { rows } = await sql(c).raw(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings);
  const [plan] = rows[0]!["QUERY PLAN"] as Array<{ Plan: PlanNode }>;
  return planNodes(plan!.Plan).filter((n) => n["Node Type"] === "Seq Scan" && BIG_TABLES.includes(n["Relation Name"] ?? "")).map((n) => n["Relation Name"]!);
}

/** A counter sale as the POS writes it: totals frozen in metadata, SST tax lines. */
async function posSale(c: MedusaContainer, receipt: string, when: Date, lines: Array<{ title: string; quantity: number; unit: number }>) {
  const gross = lines.reduce((a, l) => a + Math.round(l.unit * 100) * l.quantity, 0);
  const sst = Math.round(gross * 0.08);
  const [order] = await c.resolve(Modules.ORDER).createOrders([{
    currency_code: "myr",
    metadata: { source: "pos", receipt_number: receipt, total_sen: gross + sst, sst_sen: sst },
    items: lines.map((l) => ({ title: l.title, quantity: l.quantity, unit_price: l.unit, tax_lines: [{ code: "SST", rate: 8, description: "SST 8%" }] })),
  }]);
  await sql(c).raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [when, order!.id]);
  return order!;
}

let jobSeq = 0;
/** A completed repair job with its invoice and lines, written by SQL. */
async function repairSale(c: MedusaContainer, o: { issued: Date; received: Date; technician: string | null; inclusive: boolean; sst: number; total: number; lines: Array<Record<string, unknown>> }) {
  jobSeq += 1;
  const id = `rjob_daily_${jobSeq}`;
  await sql(c).raw(
    `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone, created_by, received_at,
       sla_due_at, tracking_token, completed_at, technician_name, created_at, updated_at)
     VALUES (?, ?, 'completed', 'phone', 'Apple', 'iPhone 13', 'Screen', 'normal', 'Daily Test', '+60123450001', 'seed', ?, ?, ?, ?, ?, ?, ?)`,
    [id, `VSH-2020-${String(jobSeq).padStart(6, "0")}`, o.received, new Date(o.received.getTime() + 72 * 3_600_000), `tok_daily_${jobSeq}`, o.issued, o.technician, o.received, o.issued],
  );
  await sql(c).raw(
    `INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen, sst_rate_bp, prices_include_tax, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, 800, ?, ?, 'seed')`,
    [`rinv_daily_${jobSeq}`, id, `INV-2020-${String(jobSeq).padStart(6, "0")}`, o.total - o.sst, o.sst, o.total, o.total, o.inclusive, o.issued],
  );
  for (const [i, line] of o.lines.entries()) {
    await sql(c).raw(
      `INSERT INTO repair_line (id, repair_job_id, kind, title, quantity, unit_price_sen, hours, rate_sen, waived, variant_id, inventory_item_id, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed')`,
      [`rline_daily_${jobSeq}_${i}`, id, line.kind, line.title, line.quantity ?? 1, line.unit_price_sen ?? 0, line.hours ?? null, line.rate_sen ?? null,
        line.waived ?? false, line.variant_id ?? null, line.inventory_item_id ?? null],
    );
  }
  return { jobId: id, invoiceId: `rinv_daily_${jobSeq}` };
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_reports_daily",
  testSuite: ({ api, getContainer }) => {
    let manager: StaffHeaders;
    let technician: StaffHeaders;
    let changedInvoice: string;
    let changedOrder: string;
    const range = () => `from=${dayBefore(today(), 40)}&to=${today()}`;
    const reports = async (query: string) => {
      const [daily, live] = await Promise.all([
        api.get(`/admin/reports?${query}`, manager),
        api.get(`/admin/reports?${query}&mode=live`, manager),
      ]);
      return { daily: daily.data.report, live: live.data.report };
    };
    const storedRevenue = async (day: string, source: string) =>
      Number((await sql(getContainer()).raw(`SELECT revenue_sen FROM report_day_sale WHERE day = ?::date AND source = ?`, [day, source])).rows[0]?.revenue_sen ?? 0);

    beforeAll(async () => {
      const c = getContainer();
      manager = await newStaffHeaders(c, "manager");
      technician = await newStaffHeaders(c, "technician");
      const cashier = await newStaffHeaders(c, "cashier");
      // Counter sales on several days (either side of local midnight), one of them today.
      await posSale(c, "RCP-2026-900001", at(3, 10), [{ title: "USB-C charger", quantity: 2, unit: 25 }, { title: "Screen protector", quantity: 1, unit: 19.9 }]);
      await posSale(c, "RCP-2026-900002", at(2, 0.01), [{ title: "USB-C charger", quantity: 1, unit: 25 }]);
      changedOrder = (await posSale(c, "RCP-2026-900003", at(1, 23.99), [{ title: "Screen protector", quantity: 3, unit: 19.9 }])).id;
      await posSale(c, "RCP-2026-900004", at(0, 0.5), [{ title: "USB-C charger (new label)", quantity: 1, unit: 25 }]);
      await createPosOrder(c, "RCP-2026-900005", 35, at(35, 12)); // priced from its lines (no totals in metadata)
      // Repair invoices: SST included and spread over equal lines, labour by the hour, a waived line, three technicians.
      changedInvoice = (await repairSale(c, {
        issued: at(2, 15), received: at(5, 9.25), technician: " Hafiz ", inclusive: true, sst: 889, total: 12001, lines: [
          { kind: "part", title: "Battery", unit_price_sen: 1000 }, { kind: "part", title: "Battery cover", unit_price_sen: 1000 },
          { kind: "part", title: "Adhesive", unit_price_sen: 1001 }, { kind: "labour", title: "Labour", hours: 1.5, rate_sen: 6000 },
          { kind: "fee", title: "Diagnostic fee", unit_price_sen: 3000, waived: true },
        ],
      })).invoiceId;
      await repairSale(c, { issued: at(1, 11), received: at(3, 8), technician: null, inclusive: false, sst: 800, total: 10800, lines: [
        { kind: "part", title: "Battery", unit_price_sen: 10000 },
      ] });
      await repairSale(c, { issued: at(0, 0.2), received: at(1, 8), technician: "Mei", inclusive: false, sst: 240, total: 3240, lines: [
        { kind: "fee", title: "Diagnostic fee", unit_price_sen: 3000 },
      ] });
      // A counter invoice through the API, one moved to an earlier day.
      const invoice = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data.invoice;
      await api.post("/admin/invoicing/invoices", quotationBody(), cashier);
      await sql(c).raw(`UPDATE sales_invoice SET issued_at = ? WHERE id = ?`, [at(4, 14), invoice.id]);
      // Written an hour ago, so no day counts as changed since the first fill (each test starts from this state).
      for (const table of ["order", "order_item", "repair_job", "repair_invoice", "repair_line", "sales_invoice"]) {
        await sql(c).raw(`UPDATE "${table}" SET updated_at = now() - interval '1 hour'`);
      }
    });

    /** Each test starts from the database as beforeAll left it: no daily rows yet. */
    const fill = async () => {
      const result = await refreshReportDays(getContainer());
      expect(result.mode).toBe("fill");
      return result;
    };

    it("answers the same report from sales alone and from the daily rows after the first fill", async () => {
      const before = await reports(range());
      expect(before.daily).toEqual(before.live);
      expect(before.daily.totals.sales).toBeGreaterThanOrEqual(10);

      await fill();
      expect((await readState(sql(getContainer()) as never))?.complete_before).toBe(today());
      const after = await reports(range());
      expect(after.daily).toEqual(after.live);
      expect(after.daily).toEqual(before.live);
      const bySource = await Promise.all(["pos", "repair", "invoice"].map((s) => reports(`${range()}&source=${s}&limit=3`)));
      for (const { daily, live } of bySource) expect(daily).toEqual(live);
      // Today is never stored; past days are.
      expect(await storedRevenue(today(), "pos")).toBe(0);
      expect(await storedRevenue(dayBefore(today(), 3), "pos")).toBe(after.daily.daily.find((d: { day: string }) => d.day === dayBefore(today(), 3)).by_source.pos);
      // SST included: its 889 sen come off the lines pro rata (74 per 1,000 sen), the sen left over off the largest (labour).
      const parts = Object.fromEntries(after.daily.best_sellers.items.map((b: { title: string; revenue_sen: number }) => [b.title, b.revenue_sen]));
      expect([parts["Battery cover"], parts.Adhesive]).toEqual([926, 927]);
      expect(after.daily.best_sellers.services.find((b: { title: string }) => b.title === "Labour")).toMatchObject({ quantity: 1, revenue_sen: 9000 - 667 });
      expect(after.daily.technicians.map((t: { technician: string }) => t.technician).sort()).toEqual(["Hafiz", "Mei", "Unassigned"]);
    });

    it("reads full days from the daily rows (a stored row changed by hand shows)", async () => {
      await fill();
      const day = dayBefore(today(), 3);
      await sql(getContainer()).raw(`UPDATE report_day_sale SET revenue_sen = revenue_sen + 1 WHERE day = ?::date AND source = 'pos'`, [day]);
      const { daily, live } = await reports(range());
      expect(daily.totals.revenue_sen).toBe(live.totals.revenue_sen + 1);
      await sql(getContainer()).raw(`UPDATE report_day_sale SET revenue_sen = revenue_sen - 1 WHERE day = ?::date AND source = 'pos'`, [day]);
      expect((await reports(range())).daily).toEqual(live);
    });

    it("stays exact when a sale changes, and stores the change at the next incremental refresh", async () => {
      await fill();
      const day = dayBefore(today(), 1);
      const storedBefore = await storedRevenue(day, "pos");
      await sql(getContainer()).raw(`UPDATE order_item SET quantity = 1, raw_quantity = '{"value":"1","precision":20}', updated_at = now() WHERE order_id = ?`, [changedOrder]);
      await sql(getContainer()).raw(`UPDATE "order" SET metadata = metadata || '{"total_sen": 2149, "sst_sen": 159}'::jsonb, updated_at = now() WHERE id = ?`, [changedOrder]);
      const changed = await reports(range());
      expect(changed.daily).toEqual(changed.live);
      expect(await storedRevenue(day, "pos")).toBe(storedBefore);

      const result = await refreshReportDays(getContainer());
      expect(result).toMatchObject({ mode: "incremental", days: 1 });
      expect(await storedRevenue(day, "pos")).toBe(storedBefore - 5970 + 1990);
      expect((await reports(range())).daily).toEqual(changed.live);
    });

    it("leaves the watermark and the rows as they were when a refresh dies midway; the next run finishes it", async () => {
      await fill();
      const day = dayBefore(today(), 2);
      const state = await readState(sql(getContainer()) as never);
      const storedBefore = await storedRevenue(day, "repair");
      await sql(getContainer()).raw(`UPDATE repair_invoice SET total_sen = total_sen + 500, updated_at = now() WHERE id = ?`, [changedInvoice]);

      await expect(refreshReportDays(getContainer(), { beforeCommit: () => { throw new Error("killed mid-refresh"); } })).rejects.toThrow("killed mid-refresh");
      expect(await readState(sql(getContainer()) as never)).toEqual(state);
      expect(await storedRevenue(day, "repair")).toBe(storedBefore);
      const meanwhile = await reports(range());
      expect(meanwhile.daily).toEqual(meanwhile.live);

      expect(await refreshReportDays(getContainer())).toMatchObject({ mode: "incremental", days: 1 });
      expect(await storedRevenue(day, "repair")).toBe(storedBefore + 500);
      expect((await readState(sql(getContainer()) as never))!.watermark!.getTime()).toBeGreaterThan(state!.watermark!.getTime());
      // A voided invoice leaves its day too.
      await sql(getContainer()).raw(`UPDATE repair_invoice SET deleted_at = now(), updated_at = now() WHERE id = ?`, [changedInvoice]);
      await refreshReportDays(getContainer());
      const voided = await reports(range());
      expect(voided.daily).toEqual(voided.live);
      expect(await storedRevenue(day, "repair")).toBe(0);
    });

    it("gives the dashboard in one call: counts, recent jobs, breaches and revenue for managers only", async () => {
      const asManager = (await api.get("/admin/dashboard", manager)).data;
      expect(asManager.counts).toHaveLength(8);
      expect(asManager.counts.find((s: { status: string }) => s.status === "completed").count).toBe(3);
      expect(asManager.total).toBe(asManager.counts.reduce((a: number, s: { count: number }) => a + s.count, 0));
      expect(asManager.recent.length).toBeGreaterThan(0);
      expect(asManager.sla_breaches).toMatchObject({ count: expect.any(Number), jobs: expect.any(Array) });
      const todays = (await api.get(`/admin/reports?from=${today()}&to=${today()}`, manager)).data.report.totals;
      const month = (await api.get(`/admin/reports?from=${today().slice(0, 8)}01&to=${today()}`, manager)).data.report.totals;
      expect(asManager.revenue).toMatchObject({ today_sen: todays.revenue_sen, month_sen: month.revenue_sen, sales_today: todays.sales, sales_month: month.sales });
      expect(asManager.new_customers).toMatchObject({ today: expect.any(Number), month: expect.any(Number) });
      expect(asManager.day).toBe(today());

      const asTechnician = (await api.get("/admin/dashboard", technician)).data;
      expect(asTechnician.sla_breaches).toBeUndefined();
      expect(asTechnician.revenue).toBeUndefined();
      expect(asTechnician.counts).toEqual(asManager.counts);
    });

    it("answers the live part of a report, the change scan and the dashboard from indexes (no Seq Scan on the big tables)", async () => {
      const c = getContainer();
      const bulk = 20_000;
      await sql(c).raw(`INSERT INTO "order" (id, currency_code, status, metadata, created_at, updated_at)
        SELECT 'order_bulk_' || g, 'myr', 'completed', jsonb_build_object('source', 'pos', 'total_sen', 1000, 'sst_sen', 74),
               now() - g * interval '2 hours' - interval '2 days', now() - g * interval '2 hours' - interval '2 days'
        FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone, created_by,
          received_at, sla_due_at, tracking_token, completed_at, created_at, updated_at)
        SELECT 'rjob_bulk_' || g, 'VSH-2019-' || lpad(g::text, 6, '0'), (ARRAY['delivered','delivered','cancelled','pending'])[1 + g % 4], 'phone', 'Apple', 'X', 'Bulk',
               'normal', 'Bulk ' || g, '+6012' || lpad(g::text, 7, '0'), 'seed', now() - g * interval '2 hours' - interval '3 days',
               now() - g * interval '2 hours', 'tok_bulk_' || g, now() - g * interval '2 hours' - interval '2 days',
               now() - g * interval '2 hours' - interval '3 days', now() - g * interval '2 hours' - interval '2 days'
        FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen, sst_rate_bp,
          prices_include_tax, issued_at, issued_by, created_at, updated_at)
        SELECT 'rinv_bulk_' || g, 'rjob_bulk_' || g, 'INV-2019-' || lpad(g::text, 6, '0'), 1000, 80, 1080, 0, 1080, 800, false,
               now() - g * interval '2 hours' - interval '2 days', 'seed', now() - g * interval '2 hours' - interval '2 days', now() - g * interval '2 hours' - interval '2 days'
        FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO repair_line (id, repair_job_id, kind, title, quantity, unit_price_sen, created_by, created_at, updated_at)
        SELECT 'rline_bulk_' || g, 'rjob_bulk_' || g, 'part', 'Part', 1, 1000, 'seed', now() - interval '30 days', now() - interval '30 days' FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO customer (id, first_name, created_at, updated_at)
        SELECT 'cus_bulk_' || g, 'Bulk', now() - g * interval '2 hours' - interval '2 days', now() - g * interval '2 hours' - interval '2 days' FROM generate_series(1, ${bulk}) g`);
      for (const table of ["order", "repair_job", "repair_invoice", "repair_line", "customer", "order_item", "sales_invoice"]) await sql(c).raw(`ANALYZE "${table}"`);

      const now = new Date();
      const dayStart = new Date(Date.parse(`${today()}T00:00:00Z`) - 8 * 3_600_000);
      const window = { kind: "range" as const, from: dayStart, to: new Date(dayStart.getTime() + DAY_MS) };
      const facts = factsWith(window, { sources: ["pos", "repair", "invoice"], pricesIncludeTax: false, invoicesPresent: true });
      const changedWindow = factsWith({ kind: "days", days: [dayBefore(today(), 1), dayBefore(today(), 2), dayBefore(today(), 9)] }, { sources: ["pos", "repair", "invoice"], pricesIncludeTax: true, invoicesPresent: true });
      const breaches = slaBreaches(now, 10);
      const statements: Record<string, SqlPart> = {
        "live sales": { sql: `${facts.sql} ${DAY_SALE_SELECT}`, bindings: facts.bindings },
        "live lines": { sql: `${facts.sql} ${DAY_LINE_SELECT}`, bindings: facts.bindings },
        "changed days' lines": { sql: `${changedWindow.sql} ${DAY_LINE_SELECT}`, bindings: changedWindow.bindings },
        "live technicians": dayTechnicianSelect(window),
        "changed days": changedDaysStatement(new Date(now.getTime() - 10 * 60_000), today(), true),
        "status counts": statusCounts(["pending", "delivered", "cancelled", "completed"]),
        "recent jobs": recentJobs(8),
        "breaches page": breaches.page,
        "breaches count": breaches.count,
        "new customers": newCustomers(new Date(dayStart.getTime() - 20 * DAY_MS), dayStart),
      };
      for (const [name, statement] of Object.entries(statements)) expect(await seqScansOnBigTables(c, statement), name).toEqual([]);
    });
  },
});
