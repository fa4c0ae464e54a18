import { ALL_STAFF, MANAGERS, roleAllowed } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { levelFilters } from "$lib/inventory/level-filters";
import { requireRole } from "$lib/server/guard";
import { inventoryApi } from "$lib/server/inventory";
import { canOpen } from "$lib/server/route-access";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import type { Actions, PageServerLoad } from "./$types";

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  const filters = levelFilters(url.searchParams);
  const can = { manage: roleAllowed(staff.role, MANAGERS), export: canOpen("/(staff)/inventory/export", staff.role) };
  const presets = await loadPresets(locals, "inventory");
  try {
    const list = await inventoryApi(commerce).listLevels({
      q: filters.q || undefined, low_stock: filters.low ? "true" : undefined, order: filters.order, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE,
    });
    return { filters, ...list, pageSize: PAGE_SIZE, pages: Math.max(1, Math.ceil(list.count / PAGE_SIZE)), can, presets, problem: null };
  } catch (err) {
    return { filters, levels: [], count: 0, low_stock_count: 0, pageSize: PAGE_SIZE, pages: 1, can, presets, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = presetActions("inventory", ALL_STAFF);
