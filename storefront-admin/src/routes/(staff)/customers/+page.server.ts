import { redirect } from "@sveltejs/kit";
import { ALL_STAFF, CRM_EDITORS, formatPhoneForDisplay, MANAGERS, roleAllowed, tryNormalisePhone } from "@voltura/domain";
import { customersHref, parseCustomerFilters } from "$lib/customer-filters";
import { commerceProblem } from "$lib/server/commerce";
import { customerRow, readCustomerPage } from "$lib/server/customers-view";
import { requireRole } from "$lib/server/guard";
import { canOpen } from "$lib/server/route-access";
import type { PageServerLoad } from "./$types";

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
  };
  // Tags feed the tag filter's choices; the list still shows when they cannot be read.
  const tags = commerce.listCrmTags().then((list) => list.map((t) => t.tag), () => [] as string[]);
  try {
    const page = await readCustomerPage(commerce, filters, PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(page.count / PAGE_SIZE));
    return {
      filters,
      customers: page.customers.map(customerRow),
      count: page.count,
      truncated: page.truncated,
      pages,
      pageSize: PAGE_SIZE,
      tags: await tags,
      can,
      // A phone number nobody has yet: offer to add a customer with it.
      newWithPhone: page.count === 0 && can.create ? phoneOrNull(filters.q) : null,
      problem: null,
    };
  } catch (err) {
    return { filters, customers: [], count: 0, truncated: false, pages: 1, pageSize: PAGE_SIZE, tags: await tags, can, newWithPhone: null, problem: commerceProblem(err).message };
  }
};
