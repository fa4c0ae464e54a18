import { addShopMonths, MANAGERS, roleAllowed, shopMonthOf } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { canOpen } from "$lib/server/route-access";
import { listInvoicesPage, parseInvoicesView } from "$lib/server/sales-document-lists";
import type { Actions, PageServerLoad } from "./$types";
import { INVOICING_STAFF } from "$lib/server/sales-document-page";

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, INVOICING_STAFF);
  const view = parseInvoicesView(url.searchParams);
  // Last month in shop time: the consolidated e-invoice is due after the month ends.
  const lastMonth = addShopMonths(shopMonthOf(new Date()), -1);
  const base = {
    view, pageSize: PAGE_SIZE, lastMonth, presets: await loadPresets(locals, "invoices"),
    canExport: roleAllowed(staff.role, MANAGERS), can: { export: canOpen("/(staff)/invoicing/invoices/export", staff.role) },
  };
  try {
    const { invoices, count } = await listInvoicesPage(commerce, view, { limit: PAGE_SIZE, offset: (view.page - 1) * PAGE_SIZE });
    return { ...base, invoices, count, problem: null };
  } catch (err) {
    return { ...base, invoices: [], count: 0, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = presetActions("invoices", INVOICING_STAFF);
