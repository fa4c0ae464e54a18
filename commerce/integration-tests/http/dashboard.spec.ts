import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import type { SqlPart } from "@voltura/plugin-reports/modules/report-days/daily/facts-sql";
import { activityOfEntities, AUDIT_ENTITIES, everyActivity } from "@voltura/plugin-reports/api/admin/activity/activity-sql";
import { newCustomers } from "@voltura/plugin-reports/api/admin/dashboard/dashboard-sql";
import { benchJobs, counterSales, lowStockItems, openHandoffs, quotesAwaiting, readyForPickup } from "@voltura/plugin-reports/api/admin/dashboard/sections-sql";
import { authHeaders, createStaffUser, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { createPosOrder } from "./invoicing-helpers";
import { planNodes, type PlanNode } from "./plans";

type Raw = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const sql = (c: MedusaContainer) => c.resolve<Raw>(ContainerRegistrationKeys.PG_CONNECTION);
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;
const shopDay = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const endOfShopDay = (at: Date) => Date.parse(`${shopDay(at)}T00:00:00Z`) - 8 * HOUR + DAY_MS;

/** The tables the EXPLAIN case fills with 20,000 rows. */
const BIG_TABLES = ["repair_job", "repair_quote", "concierge_handoff", "audit_entry", "pos_sale", "customer"];

async function planOf(c: MedusaContainer, statement: SqlPart) {
  const { rows } = await sql(c).raw(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.bindings);
  const [plan] = rows[0]!["QUERY PLAN"] as Array<{ Plan: PlanNode }>;
  const nodes = planNodes(plan!.Plan);
  return {
    seqScans: nodes.filter((n) => n["Node Type"] === "Seq Scan" && BIG_TABLES.includes(n["Relation Name"] ?? "")).map((n) => n["Relation Name"]!),
    indexes: nodes.map((n) => n["Index Name"]).filter((n): n is string => !!n),
  };
}

let jobSeq = 0;
/** A repair job by SQL: status, technician, SLA due time. */
async function job(c: MedusaContainer, o: { status: string; technician?: string | null; due: Date; created?: Date }) {
  jobSeq += 1;
  const id = `rjob_dash_${jobSeq}`;
  const created = o.created ?? new Date(Date.now() - 2 * DAY_MS);
  await sql(c).raw(
    `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone, created_by, received_at,
       sla_due_at, tracking_token, technician_id, technician_name, created_at, updated_at)
     VALUES (?, ?, ?, 'phone', 'Apple', 'iPhone 13', 'Screen', 'normal', ?, '+60123450001', 'seed', ?, ?, ?, ?, ?, ?, ?)`,
    [id, `VSH-2026-${String(900000 + jobSeq)}`, o.status, `Customer ${jobSeq}`, created, o.due, `tok_dash_${jobSeq}`, o.technician ?? null,
      o.technician ? "Dash Tech" : null, created, created],
  );
  return id;
}

const quote = (c: MedusaContainer, jobId: string, status: string) => sql(c).raw(
  `INSERT INTO repair_quote (id, repair_job_id, version, status, snapshot, sent_at) VALUES (?, ?, 1, ?, ?, now() - interval '1 hour')`,
  [`rquote_${jobId}`, jobId, status, JSON.stringify({ lines: [], totals: { total_sen: 12_345 } })],
);
const handoff = (c: MedusaContainer, id: string, status: string) => sql(c).raw(
  `INSERT INTO concierge_handoff (id, phone, reason, status, opened_at) VALUES (?, '+60123450009', 'asked_for_human', ?, now() - interval '2 hours')`, [id, status]);
const posSale = (c: MedusaContainer, id: string, cashier: string, soldAt: Date, totalSen: number) => sql(c).raw(
  `INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, cashier_id, cashier_name, total_sen, rounded_total_sen, sold_at)
   VALUES (?, ?, 'h', 'completed', ?, 'reg_1', ?, 'Cashier', ?, ?, ?)`, [id, `idem_${id}`, `RCP-${id}`, cashier, totalSen, totalSen, soldAt]);
const audit = (c: MedusaContainer, entity: string, entityId: string | null, action = "http.post") => sql(c).raw(
  `INSERT INTO audit_entry (id, action, entity, entity_id, actor_name, actor_role, metadata) VALUES (?, ?, ?, ?, 'Someone', 'manager', ?)`,
  [`aud_dash_${Math.random().toString(36).slice(2)}`, action, entity, entityId, JSON.stringify({ route: `/admin/${entity}/:id`, body: { secret: "x" } })],
);

medusaIntegrationTestRunner({
  dbName: "voltura_it_dashboard",
  testSuite: ({ api, getContainer }) => {
    type Headers = StaffHeaders;
    let owner: Headers, manager: Headers, cashier: Headers, technician: Headers;
    let technicianId: string, cashierId: string;
    const now = new Date();

    beforeAll(async () => {
      const c = getContainer();
      owner = await newStaffHeaders(c, "owner");
      manager = await newStaffHeaders(c, "manager");
      cashierId = (await createStaffUser(c, "cashier")).id;
      cashier = await authHeaders(cashierId, "cashier");
      technicianId = (await createStaffUser(c, "technician")).id;
      technician = await authHeaders(technicianId, "technician");

      // The technician's bench: overdue, due soon, due in three days, finished (not on the bench); another technician's job.
      await job(c, { status: "in_progress", technician: technicianId, due: new Date(now.getTime() - 2 * HOUR) });
      await job(c, { status: "pending", technician: technicianId, due: new Date(now.getTime() + 5 * 60_000) });
      await job(c, { status: "in_progress", technician: technicianId, due: new Date(now.getTime() + 3 * DAY_MS) });
      await job(c, { status: "delivered", technician: technicianId, due: new Date(now.getTime() - DAY_MS) });
      await job(c, { status: "pending", technician: "user_someone_else", due: new Date(now.getTime() + DAY_MS) });
      // Ready for pickup.
      await job(c, { status: "completed", due: new Date(now.getTime() + DAY_MS) });
      // Quotes: one awaiting, one approved, one sent on a cancelled job.
      await quote(c, await job(c, { status: "awaiting_approval", due: new Date(now.getTime() + DAY_MS) }), "sent");
      await quote(c, await job(c, { status: "in_progress", due: new Date(now.getTime() + DAY_MS) }), "approved");
      await quote(c, await job(c, { status: "cancelled", due: new Date(now.getTime() + DAY_MS) }), "sent");
      // Handoffs: open, claimed, closed.
      await handoff(c, "hand_open", "open");
      await handoff(c, "hand_claimed", "claimed");
      await handoff(c, "hand_closed", "closed");
      // The cashier's sales today and yesterday, another cashier's today.
      await posSale(c, "ps_today", cashierId, new Date(now.getTime() - 60_000), 1250);
      await posSale(c, "ps_yesterday", cashierId, new Date(now.getTime() - DAY_MS - HOUR), 990);
      await posSale(c, "ps_other", "user_other_cashier", new Date(now.getTime() - 60_000), 4000);
      // The trail: five job rows, two sales, one customer, one staff, one stock.
      for (const [entity, id] of [["repair_job", "rjob_dash_1"], ["repair_jobs", "rjob_dash_2"], ["pos.sales", "ps_today"], ["customer", "cus_1"], ["repair_job", "rjob_dash_3"],
        ["staff", "user_1"], ["repair_jobs", "rjob_dash_1"], ["inventory_item", "iitem_1"], ["pos.sales", "ps_other"], ["repair_job", "rjob_dash_6"]] as const) {
        await audit(c, entity, id);
      }
    });

    it("gives owners and managers the shop: revenue today / week / month with 30 days, breaches, quotes, handoffs", async () => {
      const asOwner = (await api.get("/admin/dashboard", owner)).data;
      const today = shopDay(now);
      expect(asOwner.day).toBe(today);
      expect(asOwner.revenue.daily).toHaveLength(30);
      expect(asOwner.revenue.daily.at(-1)).toEqual({ day: today, revenue_sen: asOwner.revenue.today_sen, sales: asOwner.revenue.sales_today });
      expect(asOwner.revenue.week_sen).toBeGreaterThanOrEqual(asOwner.revenue.today_sen);
      expect(asOwner.sla_breaches.count).toBeGreaterThanOrEqual(1);
      expect(asOwner.quotes_awaiting.count).toBe(1);
      expect(asOwner.quotes_awaiting.quotes[0]).toMatchObject({ version: 1, total_sen: 12_345, brand: "Apple" });
      expect(asOwner.handoffs.count).toBe(2);
      expect(asOwner.handoffs.handoffs.map((h: { id: string }) => h.id).sort()).toEqual(["hand_claimed", "hand_open"]);
      expect(asOwner.low_stock).toEqual([]);
      expect(asOwner.new_customers).toMatchObject({ today: expect.any(Number), week: expect.any(Number), month: expect.any(Number) });
      expect(asOwner.bench).toBeUndefined();
      expect(asOwner.counter).toBeUndefined();
      const asManager = (await api.get("/admin/dashboard", manager)).data;
      expect(asManager.revenue).toEqual(asOwner.revenue);
    });

    it("moves today's revenue with a sale, as the report counts it", async () => {
      const before = (await api.get("/admin/dashboard", owner)).data.revenue;
      await createPosOrder(getContainer(), "RCP-2026-990001", 35);
      const after = (await api.get("/admin/dashboard", owner)).data.revenue;
      const today = shopDay(new Date());
      const report = (await api.get(`/admin/reports?from=${today}&to=${today}`, owner)).data.report.totals;
      expect(after.today_sen).toBeGreaterThan(before.today_sen);
      expect(after.sales_today).toBe(before.sales_today + 1);
      expect(after.today_sen).toBe(report.revenue_sen);
      expect(after.week_sen - before.week_sen).toBe(after.today_sen - before.today_sen);
      expect(after.month_sen - before.month_sen).toBe(after.today_sen - before.today_sen);
    });

    it("gives a technician their bench and no revenue", async () => {
      const asTechnician = (await api.get("/admin/dashboard", technician)).data;
      expect(asTechnician.revenue).toBeUndefined();
      expect(asTechnician.sla_breaches).toBeUndefined();
      expect(asTechnician.handoffs).toBeUndefined();
      expect(asTechnician.counter).toBeUndefined();
      expect(asTechnician.bench.open).toBe(3);
      expect(asTechnician.bench.overdue).toBe(1);
      expect(asTechnician.bench.due_today).toBe(now.getTime() + 5 * 60_000 < endOfShopDay(now) ? 1 : 0);
      expect(asTechnician.bench.counts.find((s: { status: string }) => s.status === "in_progress").count).toBe(2);
      expect(asTechnician.bench.jobs.map((j: { id: string }) => j.id)).toEqual(["rjob_dash_1", "rjob_dash_2", "rjob_dash_3"]);
      expect(asTechnician.quotes_awaiting.count).toBe(1);
    });

    it("gives a cashier their counter's day and jobs ready for pickup, no revenue", async () => {
      const asCashier = (await api.get("/admin/dashboard", cashier)).data;
      expect(asCashier.revenue).toBeUndefined();
      expect(asCashier.sla_breaches).toBeUndefined();
      expect(asCashier.bench).toBeUndefined();
      expect(asCashier.counter).toMatchObject({ sales_today: shopDay(new Date(now.getTime() - 60_000)) === shopDay(now) ? 1 : 0, refunded_sen: 0 });
      expect(asCashier.counter.total_sen).toBe(asCashier.counter.sales_today ? 1250 : 0);
      expect(asCashier.counter.ready_for_pickup.count).toBe(1);
      expect(asCashier.counter.ready_for_pickup.jobs[0].status).toBe("completed");
      expect(asCashier.handoffs.count).toBe(2);
    });

    it("reads the activity feed by the role's types, keyset-paged, without changes or bodies", async () => {
      const asOwner = (await api.get("/admin/activity?limit=50", owner)).data;
      expect(asOwner.types).toHaveLength(7);
      expect(asOwner.items).toHaveLength(10);
      expect(asOwner.items[0]).toMatchObject({ entity: "repair_job", entity_id: "rjob_dash_6", type: "job", route: "/admin/repair_job/:id" });
      expect(Object.keys(asOwner.items[0]).sort()).toEqual(["action", "actor_name", "actor_role", "entity", "entity_id", "occurred_at", "route", "seq", "type"]);

      const asTechnician = (await api.get("/admin/activity", technician)).data;
      expect(asTechnician.types).toEqual(["job"]);
      expect(asTechnician.items.map((i: { entity_id: string }) => i.entity_id)).toEqual(["rjob_dash_6", "rjob_dash_1", "rjob_dash_3", "rjob_dash_2", "rjob_dash_1"]);
      const refused = await settle(api.get("/admin/activity?type=sale", technician));
      expect(refused.status).toBe(403);
      expect(refused.data.message).toContain("type");

      const asCashier = (await api.get("/admin/activity?limit=50", cashier)).data;
      expect(asCashier.items.map((i: { type: string }) => i.type).sort()).toEqual(["customer", "job", "job", "job", "job", "job", "sale", "sale"]);
      const sales = (await api.get("/admin/activity?type=sale", cashier)).data;
      expect(sales.items.map((i: { entity_id: string }) => i.entity_id)).toEqual(["ps_other", "ps_today"]);

      const pages: number[][] = [];
      let before: number | null | undefined;
      do {
        const page = (await api.get(`/admin/activity?limit=4${before ? `&before=${before}` : ""}`, owner)).data;
        pages.push(page.items.map((i: { seq: number }) => i.seq));
        before = page.next_before;
      } while (before && pages.length < 5);
      expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
      expect(pages.flat()).toEqual(asOwner.items.map((i: { seq: number }) => i.seq));

      for (const bad of ["limit=0", "limit=101", "type=payroll", "before=abc", "sort=seq"]) {
        const answer = await settle(api.get(`/admin/activity?${bad}`, owner));
        expect(answer.status, bad).toBe(400);
        expect(answer.data.message, bad).toContain(bad.split("=")[0]);
      }
    });

    it("answers every new dashboard and activity statement from indexes (no Seq Scan on the big tables)", async () => {
      const c = getContainer();
      const bulk = 20_000;
      await sql(c).raw(`INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone, created_by,
          received_at, sla_due_at, tracking_token, technician_id, created_at, updated_at)
        SELECT 'rjob_bulk_' || g, 'VSH-2019-' || lpad(g::text, 6, '0'), CASE WHEN g % 100 = 0 THEN 'in_progress' WHEN g % 2 = 0 THEN 'delivered' ELSE 'cancelled' END,
               'phone', 'Apple', 'X', 'Bulk', 'normal', 'Bulk ' || g, '+6012' || lpad(g::text, 7, '0'), 'seed', now() - g * interval '2 hours',
               now() - g * interval '1 hour', 'tok_bulk_' || g, 'user_tech_' || (g % 5), now() - g * interval '2 hours', now() - g * interval '2 hours'
        FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO repair_quote (id, repair_job_id, version, status, snapshot, sent_at, decided_at)
        SELECT 'rquote_bulk_' || g, 'rjob_bulk_' || g, 1, CASE WHEN g % 10 = 0 THEN 'rejected' ELSE 'approved' END, '{}'::jsonb,
               now() - g * interval '2 hours', now() - g * interval '1 hour' FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO concierge_handoff (id, phone, reason, status, opened_at, closed_at)
        SELECT 'hand_bulk_' || g, '+6012' || lpad(g::text, 7, '0'), 'asked_for_human', 'closed', now() - g * interval '1 hour', now() - g * interval '30 minutes'
        FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, cashier_id, cashier_name, total_sen, rounded_total_sen, sold_at)
        SELECT 'ps_bulk_' || g, 'idem_bulk_' || g, 'h', 'completed', 'RCP-B-' || g, 'reg_1', 'user_cash_' || (g % 3), 'Cashier', 1000, 1000,
               now() - g * interval '2 hours' - interval '1 day' FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO customer (id, first_name, created_at, updated_at)
        SELECT 'cus_bulk_' || g, 'Bulk', now() - g * interval '2 hours' - interval '2 days', now() - g * interval '2 hours' - interval '2 days' FROM generate_series(1, ${bulk}) g`);
      await sql(c).raw(`INSERT INTO audit_entry (id, action, entity, entity_id, actor_name, actor_role)
        SELECT 'aud_bulk_' || g, 'http.post',
               CASE WHEN g % 1000 = 0 THEN 'crm.customers' ELSE (ARRAY['repair_jobs','pos.sales','campaigns','staff','inventory.items','repair_job','sales.invoices'])[1 + g % 7] END,
               'x_' || g, 'Bulk', 'manager' FROM generate_series(1, ${bulk}) g`);
      for (const table of BIG_TABLES) await sql(c).raw(`ANALYZE "${table}"`);

      const made = (await sql(c).raw(`SELECT indexname FROM pg_indexes WHERE indexname IN ('IDX_repair_quote_sent_at_awaiting', 'IDX_audit_entry_entity_seq')`)).rows;
      expect(made.map((r) => r.indexname).sort()).toEqual(["IDX_audit_entry_entity_seq", "IDX_repair_quote_sent_at_awaiting"]);

      const dayStart = new Date(Date.parse(`${shopDay(now)}T00:00:00Z`) - 8 * HOUR);
      const statements: Record<string, { statement: SqlPart; index?: string }> = {
        "quotes awaiting": { statement: quotesAwaiting(), index: "IDX_repair_quote_sent_at_awaiting" },
        "open handoffs": { statement: openHandoffs() },
        "low stock": { statement: lowStockItems() },
        "bench": { statement: benchJobs("user_tech_1") },
        "counter": { statement: counterSales("user_cash_1", dayStart, new Date(dayStart.getTime() + DAY_MS)), index: "IDX_pos_sale_sold_at" },
        "ready for pickup": { statement: readyForPickup() },
        "new customers": { statement: newCustomers(new Date(dayStart.getTime() - 20 * DAY_MS), dayStart, new Date(dayStart.getTime() - 3 * DAY_MS)) },
        "audit entities": { statement: AUDIT_ENTITIES },
        "every activity": { statement: everyActivity(21, 15_000) },
        // Common entities may be read off the seq index (a few rows back); a rare one must not walk the trail.
        "job activity": { statement: activityOfEntities(["repair_job", "repair_jobs"], 21, 15_000) },
        "rare activity": { statement: activityOfEntities(["crm.customers", "customer"], 21), index: "IDX_audit_entry_entity_seq" },
      };
      for (const [name, { statement, index }] of Object.entries(statements)) {
        const plan = await planOf(c, statement);
        expect(plan.seqScans, name).toEqual([]);
        if (index) expect(plan.indexes, name).toContain(index);
      }
    });
  },
});
