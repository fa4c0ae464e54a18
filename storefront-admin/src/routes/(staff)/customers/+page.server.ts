import { fail, redirect } from "@sveltejs/kit";
import { ALL_STAFF, CRM_EDITORS, formatPhoneForDisplay, MANAGERS, roleAllowed, tryNormalisePhone } from "@voltura/domain";
import { CampaignsApi } from "@voltura/medusa-client";
import { customersHref, parseCustomerFilters } from "$lib/customer-filters";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { addCustomersToAudience, selectedCustomerIds, tagCustomers, type CustomerBulkResult } from "$lib/server/customers-bulk";
import { customerRow, readCustomerPage } from "$lib/server/customers-view";
import { requireRole } from "$lib/server/guard";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { canOpen } from "$lib/server/route-access";
import type { Actions, PageServerLoad } from "./$types";

const PAGE_SIZE = 25;

const phoneOrNull = (q: string) => {
  const e164 = tryNormalisePhone(q);
  return e164 ? formatPhoneForDisplay(e164) : null;
};

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  const filters = parseCustomerFilters(url.searchParams);
  // The filter form posts every field, empty ones too: go to the short URL that means the same (bookmarkable).
  const canonical = customersHref(filters, { page: filters.page });
  if (canonical !== url.pathname + url.search) redirect(303, canonical);
  const can = {
    create: roleAllowed(staff.role, CRM_EDITORS),
    duplicates: roleAllowed(staff.role, MANAGERS),
    export: canOpen("/(staff)/customers/export", staff.role),
    tag: roleAllowed(staff.role, CRM_EDITORS),
    audience: roleAllowed(staff.role, MANAGERS),
  };
  // Tags feed the tag filter's choices; the list still shows when they cannot be read.
  const tags = commerce.listCrmTags().then((list) => list.map((t) => t.tag), () => [] as string[]);
  // Campaigns whose audience may still change: the "Add to campaign" choices (owners and managers).
  const campaigns = can.audience
    ? new CampaignsApi(commerce).list({ status: "draft", limit: 50 }).then((r) => r.campaigns.map((c) => ({ id: c.id, name: c.name })), () => [])
    : Promise.resolve([] as Array<{ id: string; name: string }>);
  const presets = loadPresets(locals, "customers");
  const extras = async () => ({ tags: await tags, campaigns: await campaigns, presets: await presets, can });
  try {
    const page = await readCustomerPage(commerce, filters, PAGE_SIZE);
    return {
      filters,
      customers: page.customers.map(customerRow),
      count: page.count,
      truncated: page.truncated,
      pageSize: PAGE_SIZE,
      ...(await extras()),
      // A phone number nobody has yet: offer to add a customer with it.
      newWithPhone: page.count === 0 && can.create ? phoneOrNull(filters.q) : null,
      problem: null,
    };
  } catch (err) {
    return { filters, customers: [], count: 0, truncated: false, pageSize: PAGE_SIZE, ...(await extras()), newWithPhone: null, problem: commerceProblem(err).message };
  }
};

type BulkOutcome = { bulk: { done?: string; failed?: CustomerBulkResult["failed"]; error?: string } };
const bulkFail = (status: number, error: string) => fail(status, { bulk: { error } } as BulkOutcome);

export const actions: Actions = {
  ...presetActions("customers", ALL_STAFF),
  bulkTag: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, CRM_EDITORS);
    const data = await request.formData();
    const ids = selectedCustomerIds(data);
    const tag = String(data.get("tag") ?? "").trim();
    if (!ids.length) return bulkFail(400, m.table_select_at_least_one());
    if (!tag || tag.length > 40 || tag.includes(",")) return bulkFail(400, m.table_customers_bad_tag());
    const result = await tagCustomers(commerce, ids, tag);
    return { bulk: { done: m.table_customers_tagged({ count: result.done, tag }), failed: result.failed } } as BulkOutcome;
  },
  bulkAudience: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const ids = selectedCustomerIds(data);
    const campaignId = String(data.get("campaign_id") ?? "");
    if (!ids.length) return bulkFail(400, m.table_select_at_least_one());
    if (!/^[\w-]{1,100}$/.test(campaignId)) return bulkFail(400, m.table_customers_choose_campaign());
    try {
      const { imported, missing } = await addCustomersToAudience(commerce, ids, campaignId);
      const failed = [
        ...missing,
        ...(imported?.rejected ?? []).map((r) => ({ id: r.value, name: r.value, message: r.reason })),
      ];
      return { bulk: { done: m.table_customers_added_to_campaign({ count: imported?.accepted ?? 0 }), failed } } as BulkOutcome;
    } catch (err) {
      const problem = commerceProblem(err);
      return bulkFail(problem.status >= 500 ? 503 : problem.status, problem.message);
    }
  },
};
