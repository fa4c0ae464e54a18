import { fail, redirect } from "@sveltejs/kit";
import { randomUUID } from "node:crypto";
import { type QuotationStatusBody } from "@voltura/contracts";
import { InvoicingApi } from "@voltura/medusa-client";
import { requireRole } from "$lib/server/guard";
import { cardFailure } from "$lib/server/sales-actions";
import { documentLoadFailed, documentShareActions, INVOICING_STAFF } from "$lib/server/sales-document-page";
import { shareLinksFor } from "$lib/server/share-links";
import { commerceFieldErrors, documentFormValues, parseDocumentForm } from "$lib/server/sales-document-forms";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const MOVES = ["sent", "accepted", "declined", "draft"] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce, staff } = requireRole(locals, INVOICING_STAFF);
  try {
    const quotation = await new InvoicingApi(commerce).getQuotation(params.id);
    const share = await shareLinksFor(commerce, staff, "quotation", quotation.id);
    return { quotation, values: documentFormValues(quotation), sendKey: randomUUID(), ...share };
  } catch (err) {
    documentLoadFailed(err);
  }
};

export const actions: Actions = {
  lines: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    const parsed = parseDocumentForm(await request.formData());
    if (!parsed.ok) return fail(400, { card: "lines" as const, error: m.invoicing_check_fields(), errors: parsed.errors, formValues: parsed.values, done: null });
    try {
      await new InvoicingApi(commerce).updateQuotation(params.id, { buyer: parsed.buyer, lines: parsed.lines, notes: parsed.notes });
      return { card: "lines" as const, error: null, errors: {}, formValues: null, done: m.invoicing_quotation_saved() };
    } catch (err) {
      const errors = commerceFieldErrors(err);
      if (errors) return fail(400, { card: "lines" as const, error: m.invoicing_check_fields(), errors, formValues: parsed.values, done: null });
      return cardFailure("lines", err);
    }
  },
  status: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    const status = String((await request.formData()).get("status") ?? "");
    if (!(MOVES as readonly string[]).includes(status)) return fail(400, { card: "status" as const, error: m.invoicing_bad_status(), values: {}, done: null });
    try {
      await new InvoicingApi(commerce).changeQuotationStatus(params.id, { status: status as QuotationStatusBody["status"] });
      return { card: "status" as const, error: null, values: {}, done: status === "sent" ? m.invoicing_marked_sent() : m.invoicing_status_changed() };
    } catch (err) {
      return cardFailure("status", err);
    }
  },
  convert: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, INVOICING_STAFF);
    let invoiceId: string;
    try {
      invoiceId = (await new InvoicingApi(commerce).convertQuotation(params.id)).invoice.id;
    } catch (err) {
      return cardFailure("convert", err);
    }
    redirect(303, `/invoicing/invoices/${invoiceId}`);
  },
  ...documentShareActions("quotation"),
};
