import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { canOpen } from "$lib/server/route-access";
import { listQuotationsPage, parseQuotationsView } from "$lib/server/sales-document-lists";
import type { Actions, PageServerLoad } from "./$types";
import { INVOICING_STAFF } from "$lib/server/sales-document-page";

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, INVOICING_STAFF);
  const view = parseQuotationsView(url.searchParams);
  const base = { view, pageSize: PAGE_SIZE, presets: await loadPresets(locals, "quotations"), can: { export: canOpen("/(staff)/invoicing/quotations/export", staff.role) } };
  try {
    const { quotations, count } = await listQuotationsPage(commerce, view, { limit: PAGE_SIZE, offset: (view.page - 1) * PAGE_SIZE });
    return { ...base, quotations, count, problem: null };
  } catch (err) {
    return { ...base, quotations: [], count: 0, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = presetActions("quotations", INVOICING_STAFF);
