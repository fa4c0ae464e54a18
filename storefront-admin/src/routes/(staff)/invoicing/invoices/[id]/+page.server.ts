import { fail } from "@sveltejs/kit";
import { randomUUID } from "node:crypto";
import { MANAGERS, PAYMENT_METHODS, roleAllowed, type PaymentMethod } from "@voltura/domain";
import { InvoicingApi } from "@voltura/medusa-client";
import { parseMoneyInput } from "$lib/repair/money";
import { commerceProblem } from "$lib/server/commerce";
import { formIdempotencyKey } from "$lib/server/form-key";
import { requireRole } from "$lib/server/guard";
import { cardFailure } from "$lib/server/sales-actions";
import { documentLoadFailed, documentShareActions, INVOICING_STAFF } from "$lib/server/sales-document-page";
import { shareLinksFor } from "$lib/server/share-links";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";


export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce, staff } = requireRole(locals, INVOICING_STAFF);
  try {
    const api = new InvoicingApi(commerce);
    const invoice = await api.getInvoice(params.id);
    const quotation = invoice.quotation_id ? await api.getQuotation(invoice.quotation_id).catch(() => null) : null;
    const share = await shareLinksFor(commerce, staff, "invoice", invoice.id);
    return { invoice, quotation: quotation && { id: quotation.id, number: quotation.quotation_number }, sendKey: randomUUID(), paymentKey: randomUUID(), canExport: roleAllowed(staff.role, MANAGERS), ...share };
  } catch (err) {
    documentLoadFailed(err);
  }
};

export const actions: Actions = {
  payment: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    const form = await request.formData();
    const values = { method: String(form.get("method") ?? ""), amount: String(form.get("amount") ?? ""), reference: String(form.get("reference") ?? "") };
    const errors: Record<string, string> = {};
    const amount = parseMoneyInput(values.amount);
    if (amount === null || amount <= 0) errors.amount = m.invoicing_bad_amount();
    if (!(PAYMENT_METHODS as readonly string[]).includes(values.method)) errors.method = m.invoicing_choose_how_paid();
    if (Object.keys(errors).length) return fail(400, { card: "payment" as const, error: m.invoicing_check_fields(), errors, values, done: null });
    try {
      const invoice = await new InvoicingApi(commerce).recordInvoicePayment(params.id, {
        method: values.method as PaymentMethod, amount_sen: amount!, reference: values.reference.trim() || null,
        idempotency_key: formIdempotencyKey(form, "invoice-payment"),
      });
      return { card: "payment" as const, error: null, errors: {}, values: { method: values.method, amount: "", reference: "" }, done: invoice.status === "paid" ? m.invoicing_payment_paid_full() : m.invoicing_payment_recorded() };
    } catch (err) {
      const problem = commerceProblem(err);
      if (problem.status === 400) return fail(400, { card: "payment" as const, error: problem.message.replace(/^Invalid request:\s*/, ""), errors: { amount: problem.message.replace(/^Invalid request:\s*/, "") }, values, done: null });
      return cardFailure("payment", err, values);
    }
  },
  ...documentShareActions("invoice"),
};
