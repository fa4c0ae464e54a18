import { z } from "zod";
import { activityTypeSchema, repairStatusSchema, type ActivityType } from "@voltura/domain";
import { repairJobSchema } from "./repair-jobs.js";

/** A job as the dashboard's cards and tables show it. */
export const dashboardJobSchema = repairJobSchema.pick({
  id: true, job_number: true, status: true, priority: true, customer_name: true, customer_phone: true, device_type: true, brand: true,
  model: true, issue: true, technician_name: true, eta: true, created_at: true, updated_at: true, sla: true,
});
export type DashboardJob = z.infer<typeof dashboardJobSchema>;

/** A day of the revenue series (shop day, net of SST, sen). */
export const revenueDaySchema = z.object({ day: z.string(), revenue_sen: z.number(), sales: z.number() });

/** A repair quote sent to the customer and not decided yet. */
export const dashboardAwaitingQuoteSchema = z.object({
  quote_id: z.string(), version: z.number(), sent_at: z.string(), total_sen: z.number().nullable(),
  job_id: z.string(), job_number: z.string(), customer_name: z.string(), brand: z.string(), model: z.string(),
});
export type AwaitingQuote = z.infer<typeof dashboardAwaitingQuoteSchema>;

/** A concierge conversation handed to staff and not closed yet. */
export const openHandoffSchema = z.object({
  id: z.string(), phone: z.string(), customer_name: z.string().nullable(), reason: z.string(), status: z.enum(["open", "claimed"]),
  assigned_name: z.string().nullable(), job_number: z.string().nullable(), opened_at: z.string(),
});
export type OpenHandoff = z.infer<typeof openHandoffSchema>;

/** A stock level at or under its item's low-stock threshold. */
export const lowStockItemSchema = z.object({
  inventory_item_id: z.string(), title: z.string().nullable(), sku: z.string().nullable(), stocked: z.number(), threshold: z.number(),
});
export type LowStockItem = z.infer<typeof lowStockItemSchema>;

/** A technician's bench: their open jobs, per status and by due time (shop-day end for "due today"). */
export const benchSchema = z.object({
  counts: z.array(z.object({ status: repairStatusSchema, count: z.number() })),
  open: z.number(), due_today: z.number(), overdue: z.number(),
  /** Their open jobs, soonest due first (at most 10). */
  jobs: z.array(dashboardJobSchema),
});
export type Bench = z.infer<typeof benchSchema>;

/** A cashier's counter: the sales they rang up today (after cash rounding, refunds apart) and the jobs ready for pickup. */
export const counterSchema = z.object({
  sales_today: z.number(), total_sen: z.number(), refunded_sen: z.number(),
  ready_for_pickup: z.object({ count: z.number(), jobs: z.array(dashboardJobSchema) }),
});
export type Counter = z.infer<typeof counterSchema>;

/**
 * GET /admin/dashboard (repair desk roles). Sections a role may not see are left out: SLA breaches
 * and revenue are for owners and managers, the bench for technicians, the counter for cashiers.
 * Revenue is net of SST, in sen, shop-time day, week (from Monday) and month.
 */
export const dashboardSchema = z.object({
  /** Every repair status, in workflow order, with its live job count. */
  /** Exact up to 1,000 per status; above that the planner's estimate (then `estimated` is true). */
  counts: z.array(z.object({ status: repairStatusSchema, count: z.number(), estimated: z.boolean().optional() })),
  total: z.number(),
  /** The 8 most recently created jobs. */
  recent: z.array(dashboardJobSchema),
  sla_breaches: z.object({ count: z.number(), jobs: z.array(dashboardJobSchema) }).optional(),
  low_stock_count: z.number(),
  /** The first 5 low-stock levels, lowest against their threshold first. */
  low_stock: z.array(lowStockItemSchema).optional(),
  revenue: z.object({
    today_sen: z.number(), month_sen: z.number(), sales_today: z.number(), sales_month: z.number(),
    week_sen: z.number().optional(), sales_week: z.number().optional(),
    /** The last 30 shop days, oldest first, today last (for the sparkline). */
    daily: z.array(revenueDaySchema).optional(),
  }).optional(),
  new_customers: z.object({ today: z.number(), week: z.number().optional(), month: z.number() }),
  /** Repair quotes sent and undecided: count + the 5 oldest. */
  quotes_awaiting: z.object({ count: z.number(), quotes: z.array(dashboardAwaitingQuoteSchema) }).optional(),
  /** Concierge handoffs not closed: count + the 5 oldest. */
  handoffs: z.object({ count: z.number(), handoffs: z.array(openHandoffSchema) }).optional(),
  bench: benchSchema.optional(),
  counter: counterSchema.optional(),
  /** The shop day the figures are for ("2026-12-06"). */
  day: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** One row of the activity feed: what the audit trail says happened, without its changes or request body. */
export const activityItemSchema = z.object({
  seq: z.number(), type: activityTypeSchema, action: z.string(), entity: z.string(), entity_id: z.string().nullable(),
  /** The route of a generic `http.*` row ("/admin/repair-jobs/:id/status"), else null. */
  route: z.string().nullable(),
  actor_name: z.string().nullable(), actor_role: z.string().nullable(), occurred_at: z.string(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

/** GET /admin/activity?type=&limit=&before= → newest first; `next_before` pages on (null at the end). */
export const activityPageSchema = z.object({
  items: z.array(activityItemSchema),
  next_before: z.number().nullable(),
  /** The types this role may read (for the filter). */
  types: z.array(activityTypeSchema),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;
export interface ActivityQuery { type?: ActivityType; limit?: number; before?: number }
