import { MedusaError } from "@medusajs/framework/utils";
import { MANAGERS } from "@voltura/domain";
import { loadShopSettings, parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { buildLiveReport, buildReport } from "../build-report";
import { REPORT_SECTIONS, reportCsv, reportPdf, sectionTable, type ReportSection } from "../report-export";
import { exportQuerySchema, rangeOf } from "../query";

/** GET /admin/reports/export?format=csv&section=daily&from=&to= (CSV: one section) or format=pdf (all sections, or one). */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(exportQuerySchema, req.query);
  let range;
  try {
    range = rangeOf(query);
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${(error as Error).message}`);
  }
  const csvSection = query.format === "csv" ? query.section : undefined;
  if (query.format === "csv" && !csvSection) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: section is required for CSV");
  }
  const report = await (query.mode === "live" ? buildLiveReport : buildReport)(req.scope, range, query.source, query.limit);
  const name = `report-${report.range.from}-${report.range.to}`;
  const sections: readonly ReportSection[] = query.section ? [query.section] : REPORT_SECTIONS;
  // Written before the file leaves: an export that cannot be audited is not made.
  await recordAudit(req, {
    action: "export.reports",
    entity: "report",
    entity_id: null,
    metadata: {
      format: query.format,
      sections,
      filters: { from: report.range.from, to: report.range.to, sources: report.range.sources },
      rows: sections.reduce((sum, s) => sum + sectionTable(report, s).rows.length, 0),
    },
  });
  res.setHeader("cache-control", "private, no-store");
  if (csvSection) {
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="${name}-${csvSection}.csv"`);
    res.status(200).send(reportCsv(report, csvSection));
    return;
  }
  const settings = await loadShopSettings(req.scope);
  const pdf = await reportPdf(report, sections, settings);
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `attachment; filename="${name}.pdf"`);
  res.status(200).send(pdf);
});
