import type { PosSaleSummary } from "@voltura/contracts";
import { posApi } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { COUNTER_STAFF } from "$lib/server/pos";
import { parsePosSalesView, posSalesQuery } from "$lib/server/pos-sales-list";
import { canOpen } from "$lib/server/route-access";
import type { Actions, PageServerLoad } from "./$types";

const PAGE_SIZE = 50;

/** One shop day's sales (today by default), searchable by receipt number, phone or name, sorted and paged by commerce. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, COUNTER_STAFF);
  const view = parsePosSalesView(url.searchParams);
  const base = { view, pageSize: PAGE_SIZE, presets: await loadPresets(locals, "pos_sales"), can: { export: canOpen("/(staff)/pos/sales/export", staff.role) } };
  const query = posSalesQuery(view, { limit: PAGE_SIZE, offset: (view.page - 1) * PAGE_SIZE });
  if (!query) return { ...base, sales: [] as PosSaleSummary[], count: 0, problem: m.table_sales_not_a_date({ day: view.day }) };
  try {
    const list = await posApi(commerce).listSales(query);
    return { ...base, sales: list.sales, count: list.count, problem: null };
  } catch (err) {
    return { ...base, sales: [] as PosSaleSummary[], count: 0, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = presetActions("pos_sales", COUNTER_STAFF);
