import { error } from "@sveltejs/kit";
import { auditFilters, EXPORT_NOT_RECORDED_MESSAGE, recordExportEvent } from "$lib/server/audit-events";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryApi, levelsCsv } from "$lib/server/inventory";
import { EXPORTERS } from "$lib/server/route-access";
import { levelFilters } from "$lib/inventory/level-filters";
import type { InventoryLevelRow } from "@voltura/medusa-client";
import type { RequestHandler } from "./$types";

/**
 * GET /inventory/export?<the table's filters>: every matching level as CSV, in the table's order.
 * Owners and managers only; written to the audit trail first (no audit row, no file).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const filters = levelFilters(url.searchParams);
  let levels: InventoryLevelRow[];
  try {
    const list = await inventoryApi(commerce).listLevels({ q: filters.q || undefined, low_stock: filters.low ? "true" : undefined, order: filters.order, limit: 500 });
    levels = list.levels;
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  try {
    await recordExportEvent(commerce, {
      action: "export.inventory",
      entity: "inventory_level",
      metadata: { filters: auditFilters(filters), rows: levels.length },
    });
  } catch (err) {
    console.error("[console] inventory export not audited:", err);
    error(503, { message: EXPORT_NOT_RECORDED_MESSAGE });
  }
  return new Response(levelsCsv(levels), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="stock-levels.csv"`, "cache-control": "private, no-store" },
  });
};
