import { posApi, type PosSaleSummary } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import { shopDayBounds, shopToday } from "$lib/pos/shop-day";
import type { PageServerLoad } from "./$types";

/** One shop day's sales (today by default), searchable by receipt number, phone or name. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, COUNTER_STAFF);
  const day = url.searchParams.get("day")?.trim() || shopToday();
  const q = url.searchParams.get("q")?.trim().slice(0, 60) ?? "";
  const bounds = shopDayBounds(day);
  if (!bounds) return { day, q, sales: [] as PosSaleSummary[], count: 0, problem: `"${day}" is not a date (use YYYY-MM-DD)` };
  try {
    const list = await posApi(commerce).listSales({ ...bounds, ...(q ? { q } : {}), limit: 200 });
    return { day, q, sales: list.sales, count: list.count, problem: null };
  } catch (err) {
    return { day, q, sales: [] as PosSaleSummary[], count: 0, problem: commerceProblem(err).message };
  }
};
