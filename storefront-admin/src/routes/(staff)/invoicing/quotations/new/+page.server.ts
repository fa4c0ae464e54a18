import { fail, redirect } from "@sveltejs/kit";
import { InvoicingApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { commerceFieldErrors, documentFormValues, parseDocumentForm } from "$lib/server/sales-document-forms";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";
import { INVOICING_STAFF } from "$lib/server/sales-document-page";


export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, INVOICING_STAFF);
  return { values: documentFormValues(), validDays: "14" };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    const form = await request.formData();
    const parsed = parseDocumentForm(form);
    const validDays = String(form.get("valid_days") ?? "14");
    const days = Number(validDays);
    if (!parsed.ok || !Number.isInteger(days) || days < 1 || days > 365) {
      const errors = parsed.ok ? {} : parsed.errors;
      if (!Number.isInteger(days) || days < 1 || days > 365) errors.valid_days = m.invoicing_bad_valid_days();
      return fail(400, { values: parsed.values, validDays, errors, message: m.invoicing_check_fields() });
    }
    let id: string;
    try {
      id = (await new InvoicingApi(commerce).createQuotation({ buyer: parsed.buyer, lines: parsed.lines, notes: parsed.notes, valid_days: days })).id;
    } catch (err) {
      const errors = commerceFieldErrors(err);
      return fail(errors ? 400 : 502, { values: parsed.values, validDays, errors: errors ?? {}, message: errors ? m.invoicing_check_fields() : commerceProblem(err).message });
    }
    redirect(303, `/invoicing/quotations/${id}`);
  },
};
