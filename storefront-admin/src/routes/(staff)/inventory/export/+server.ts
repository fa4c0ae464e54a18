import { error } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryApi, levelsCsv } from "$lib/server/inventory";
import { levelFilters } from "$lib/inventory/level-filters";
import type { RequestHandler } from "./$types";

/** GET /inventory/export?<the table's filters>: every matching level as CSV, in the table's order. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, ALL_STAFF);
  const filters = levelFilters(url.searchParams);
  let csv: string;
  try {
    const list = await inventoryApi(commerce).listLevels({ q: filters.q || undefined, low_stock: filters.low ? "true" : undefined, order: filters.order, limit: 500 });
    csv = levelsCsv(list.levels);
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="stock-levels.csv"`, "cache-control": "private, no-store" },
  });
};
