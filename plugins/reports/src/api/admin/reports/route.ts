import { MedusaError } from "@medusajs/framework/utils";
import { MANAGERS } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { buildLiveReport, buildReport } from "./build-report";
import { rangeOf, reportQuerySchema } from "./query";

/**
 * GET /admin/reports?from=2026-11-01&to=2026-11-30&source=pos,repair,invoice&limit=10[&mode=live] → every
 * section (daily sales, monthly revenue, best sellers, technicians, margins). Days in shop time.
 */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(reportQuerySchema, req.query);
  let range;
  try {
    range = rangeOf(query);
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${(error as Error).message}`);
  }
  res.json({ report: await (query.mode === "live" ? buildLiveReport : buildReport)(req.scope, range, query.source, query.limit) });
});
