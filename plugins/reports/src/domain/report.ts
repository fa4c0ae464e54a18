import type { BestSellerRow, DailySalesRow, MarginReport, MonthlyRevenueRow, ReportTotals, TechnicianRow } from "./aggregate";
import type { SaleSource } from "./facts";

/** Every section of the reports page for one range and the chosen sources (GET /admin/reports, its CSV and PDF). */
export interface Report {
  range: { from: string; to: string; time_zone: string; sources: SaleSource[] };
  totals: ReportTotals;
  daily: DailySalesRow[];
  monthly: MonthlyRevenueRow[];
  best_sellers: { items: BestSellerRow[]; services: BestSellerRow[] };
  technicians: TechnicianRow[];
  margins: MarginReport;
}
