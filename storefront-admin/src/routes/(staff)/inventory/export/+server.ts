import { auditedCsvDownload } from "$lib/server/audit-events";
import { requireRole } from "$lib/server/guard";
import { inventoryApi, levelsCsv } from "$lib/server/inventory";
import { EXPORTERS } from "$lib/server/route-access";
import { levelFilters } from "$lib/inventory/level-filters";
import type { RequestHandler } from "./$types";

/**
 * GET /inventory/export?<the table's filters>: every matching level as CSV, in the table's order.
 * Owners and managers only; written to the audit trail first (no audit row, no file).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, EXPORTERS);
  const filters = levelFilters(url.searchParams);
  return auditedCsvDownload(commerce, {
    action: "export.inventory",
    entity: "inventory_level",
    filters,
    filename: "stock-levels.csv",
    read: async () =>
      (await inventoryApi(commerce).listLevels({ q: filters.q || undefined, low_stock: filters.low ? "true" : undefined, order: filters.order, limit: 500 })).levels,
    csv: levelsCsv,
  });
};
