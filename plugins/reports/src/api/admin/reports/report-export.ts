import { renderReportPdf } from "@voltura/documents";
import { SHOP_TIME_ZONE, toSafeCsv, type ShopSettings } from "@voltura/domain";
import type { Report } from "../../../domain/report";

export const REPORT_SECTIONS = ["daily", "monthly", "best_sellers", "technicians", "margins"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const rm = (sen: number | null) => (sen === null ? "" : (sen / 100).toFixed(2));
const pct = (bp: number | null) => (bp === null ? "" : (bp / 100).toFixed(1));

interface Table { title: string; columns: Array<{ title: string; align?: "left" | "right"; weight?: number }>; rows: Array<Array<string | number>> }

/** One section as a table: money in ringgit with 2 decimals (spreadsheet-friendly), percentages with 1. */
export function sectionTable(report: Report, section: ReportSection): Table {
  const r = (title: string, weight = 1) => ({ title, align: "right" as const, weight });
  switch (section) {
    case "daily":
      return {
        title: "Daily sales", columns: [{ title: "Day" }, r("Sales"), r("Revenue (RM)"), r("SST (RM)"), r("Total (RM)"), r("POS (RM)"), r("Repairs (RM)"), r("Invoices (RM)")],
        rows: report.daily.map((d) => [d.day, d.sales, rm(d.revenue_sen), rm(d.sst_sen), rm(d.total_sen), rm(d.by_source.pos), rm(d.by_source.repair), rm(d.by_source.invoice)]),
      };
    case "monthly":
      return {
        title: "Monthly revenue", columns: [{ title: "Month" }, r("Sales"), r("Revenue (RM)"), r("SST (RM)"), r("Average sale (RM)")],
        rows: report.monthly.map((m) => [m.month, m.sales, rm(m.revenue_sen), rm(m.sst_sen), rm(m.average_sale_sen)]),
      };
    case "best_sellers":
      return {
        title: "Best-selling items and services", columns: [{ title: "Kind" }, { title: "Title", weight: 3 }, r("Quantity"), r("Revenue (RM)")],
        rows: [...report.best_sellers.items, ...report.best_sellers.services].map((b) => [b.kind, b.title, b.quantity, rm(b.revenue_sen)]),
      };
    case "technicians":
      return {
        title: "Technician performance", columns: [{ title: "Technician", weight: 2 }, r("Jobs completed"), r("Avg turnaround (h)"), r("Revenue (RM)")],
        rows: report.technicians.map((t) => [t.technician, t.jobs_completed, t.average_turnaround_hours.toFixed(1), rm(t.revenue_sen)]),
      };
    case "margins":
      return {
        title: "Profit margins (sale price less average cost)",
        columns: [{ title: "Item", weight: 3 }, r("Quantity"), r("Revenue (RM)"), r("Cost (RM)"), r("Margin (RM)"), r("Margin (%)")],
        rows: report.margins.rows.map((m) => [m.title, m.quantity, rm(m.revenue_sen), rm(m.cost_sen), rm(m.margin_sen), pct(m.margin_bp)]),
      };
  }
}

/** One section as CSV; item titles and technician names are typed by people, so every cell goes through toSafeCsv. */
export function reportCsv(report: Report, section: ReportSection): string {
  const table = sectionTable(report, section);
  return toSafeCsv(table.columns.map((c) => c.title), table.rows);
}

export async function reportPdf(report: Report, sections: readonly ReportSection[], settings: ShopSettings): Promise<Buffer> {
  const t = report.totals;
  return renderReportPdf({
    title: "Sales report",
    period: `${report.range.from} – ${report.range.to} (${SHOP_TIME_ZONE})`,
    generated_at: new Date().toISOString(),
    shop: settings.business,
    summary: [
      ["Revenue (excl. SST)", `RM ${rm(t.revenue_sen)}`], ["SST", `RM ${rm(t.sst_sen)}`], ["Sales", String(t.sales)],
      ["Average sale", `RM ${rm(t.average_sale_sen)}`], ["Gross margin", report.margins.margin_bp === null ? "—" : `${pct(report.margins.margin_bp)}%`],
    ],
    sections: sections.map((s) => sectionTable(report, s)),
  });
}
