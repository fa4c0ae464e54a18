import { MedusaError } from "@medusajs/framework/utils";
import { MANAGERS, type ShopSettings } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { buildReport } from "../../../../reports/build-report";
import { REPORT_SECTIONS, reportCsv, reportPdf } from "../../../../reports/export";
import { exportQuerySchema, rangeOf } from "../../../../reports/query";

/** GET /admin/reports/export?format=csv&section=daily&from=&to= (CSV: one section) or format=pdf (all sections, or one). */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(exportQuerySchema, req.query);
  let range;
  try {
    range = rangeOf(query);
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${(error as Error).message}`);
  }
  const report = await buildReport(req.scope, range, query.source, query.limit);
  const name = `report-${report.range.from}-${report.range.to}`;
  res.setHeader("cache-control", "private, no-store");
  if (query.format === "csv") {
    if (!query.section) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: section is required for CSV");
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="${name}-${query.section}.csv"`);
    res.status(200).send(reportCsv(report, query.section));
    return;
  }
  const settings = await req.scope.resolve<{ retrieveSettings(): Promise<ShopSettings> }>("shopSettings").retrieveSettings();
  const pdf = await reportPdf(report, query.section ? [query.section] : REPORT_SECTIONS, settings);
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `attachment; filename="${name}.pdf"`);
  res.status(200).send(pdf);
});
