import type { CommerceClient } from "@voltura/medusa-client";
import { z } from "zod";
import { reportQuery, type ReportFilters } from "$lib/reports/filters";

const money = z.number();
const reportSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), time_zone: z.string(), sources: z.array(z.string()) }),
  totals: z.object({ sales: z.number(), revenue_sen: money, sst_sen: money, average_sale_sen: money }),
  daily: z.array(z.object({ day: z.string(), sales: z.number(), revenue_sen: money, sst_sen: money, total_sen: money, by_source: z.record(z.string(), money) })),
  monthly: z.array(z.object({ month: z.string(), sales: z.number(), revenue_sen: money, sst_sen: money, average_sale_sen: money })),
  best_sellers: z.object({
    items: z.array(z.object({ key: z.string(), title: z.string(), kind: z.string(), quantity: z.number(), revenue_sen: money })),
    services: z.array(z.object({ key: z.string(), title: z.string(), kind: z.string(), quantity: z.number(), revenue_sen: money })),
  }),
  technicians: z.array(z.object({ technician: z.string(), jobs_completed: z.number(), average_turnaround_hours: z.number(), revenue_sen: money })),
  margins: z.object({
    rows: z.array(z.object({ key: z.string(), title: z.string(), quantity: z.number(), revenue_sen: money, cost_sen: money.nullable(), margin_sen: money.nullable(), margin_bp: z.number().nullable() })),
    revenue_sen: money, cost_sen: money, margin_sen: money, margin_bp: z.number().nullable(), uncosted: z.number(),
  }),
});
export type SalesReport = z.infer<typeof reportSchema>;

/** GET /admin/reports (plugins/reports) for the page's filters. */
export async function getReport(commerce: CommerceClient, filters: ReportFilters): Promise<SalesReport> {
  return (await commerce.request("GET", `/admin/reports?${reportQuery(filters)}`, z.object({ report: reportSchema }))).report;
}
