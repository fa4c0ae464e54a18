import { fail, redirect } from "@sveltejs/kit";
import { CRM_EDITORS } from "@voltura/domain";
import type { CrmCustomerDetail } from "@voltura/contracts";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorsFor, duplicateCustomerOf, NEW_CUSTOMER_FIELDS, parseNewCustomerForm } from "$lib/server/customer-forms";
import { formValues, type FieldErrors } from "$lib/server/forms";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, CRM_EDITORS);
  const tags = await commerce.listCrmTags().then((list) => list.map((t) => t.tag), () => [] as string[]);
  // "New customer" from a search that found nobody: start with what was searched for.
  const q = (url.searchParams.get("phone") ?? "").slice(0, 32);
  return { tags, prefill: { phone: q } };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, CRM_EDITORS);
    const values = formValues(await request.formData(), NEW_CUSTOMER_FIELDS);
    const refuse = (status: number, errors: FieldErrors, message: string | null, existing: { id: string; name: string } | null = null) =>
      fail(status, { values, errors, message, existing });

    const parsed = parseNewCustomerForm(values);
    if (!parsed.ok) return refuse(400, parsed.errors, m.customers_some_invalid());

    let customer: CrmCustomerDetail;
    try {
      customer = await commerce.createCrmCustomer(parsed.body);
    } catch (err) {
      const duplicate = duplicateCustomerOf(err);
      if (duplicate) {
        const { id, name } = duplicate.existing_customer;
        return refuse(409, { [duplicate.field]: duplicate.message }, duplicate.message, { id, name });
      }
      const invalid = commerceErrorsFor(err, NEW_CUSTOMER_FIELDS);
      if (invalid) return refuse(400, invalid.errors, invalid.rest ?? m.customers_check_fields());
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, {}, problem.message);
    }
    redirect(303, `/customers/${encodeURIComponent(customer.id)}?created=1`);
  },
};
