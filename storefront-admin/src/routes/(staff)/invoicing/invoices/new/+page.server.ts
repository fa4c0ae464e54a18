import { fail, redirect } from "@sveltejs/kit";
import { randomUUID } from "node:crypto";
import { InvoicingApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { formIdempotencyKey } from "$lib/server/form-key";
import { requireRole } from "$lib/server/guard";
import { commerceFieldErrors, documentFormValues, parseDocumentForm } from "$lib/server/sales-document-forms";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";
import { INVOICING_STAFF } from "$lib/server/sales-document-page";


export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, INVOICING_STAFF);
  return { values: documentFormValues(), dueDays: "0", formKey: randomUUID() };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    const form = await request.formData();
    const parsed = parseDocumentForm(form);
    const dueDays = String(form.get("due_days") ?? "0");
    const days = Number(dueDays || "0");
    const badDays = !Number.isInteger(days) || days < 0 || days > 365;
    if (!parsed.ok || badDays) {
      const errors = parsed.ok ? {} : parsed.errors;
      if (badDays) errors.due_days = m.invoicing_bad_due_days();
      return fail(400, { values: parsed.values, dueDays, errors, message: m.invoicing_check_fields() });
    }
    let id: string;
    try {
      id = (await new InvoicingApi(commerce).createInvoice({ buyer: parsed.buyer, lines: parsed.lines, notes: parsed.notes, due_days: days,
        idempotency_key: formIdempotencyKey(form, "invoice"),
      })).id;
    } catch (err) {
      const errors = commerceFieldErrors(err);
      return fail(errors ? 400 : 502, { values: parsed.values, dueDays, errors: errors ?? {}, message: errors ? m.invoicing_check_fields() : commerceProblem(err).message });
    }
    redirect(303, `/invoicing/invoices/${id}`);
  },
};
