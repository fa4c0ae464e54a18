import { z } from "zod";
import { repairStatusSchema } from "@voltura/domain";
import { repairJobSchema } from "./repair-jobs.js";

/** A job as the dashboard's cards and tables show it. */
export const dashboardJobSchema = repairJobSchema.pick({
  id: true, job_number: true, status: true, priority: true, customer_name: true, customer_phone: true, device_type: true, brand: true,
  model: true, issue: true, technician_name: true, eta: true, created_at: true, updated_at: true, sla: true,
});
export type DashboardJob = z.infer<typeof dashboardJobSchema>;

/**
 * GET /admin/dashboard (repair desk roles). Sections a role may not see are left out: SLA breaches
 * and revenue are for owners and managers. Revenue is net of SST, in sen, shop-time day and month.
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
  revenue: z.object({ today_sen: z.number(), month_sen: z.number(), sales_today: z.number(), sales_month: z.number() }).optional(),
  new_customers: z.object({ today: z.number(), month: z.number() }),
  /** The shop day the figures are for ("2026-12-06"). */
  day: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
