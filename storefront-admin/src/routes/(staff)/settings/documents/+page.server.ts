import { error, fail } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { einvoiceProfileBodySchema, outboxEntrySchema, type DocumentType } from "@voltura/contracts";
import { InvoicingApi } from "@voltura/medusa-client";
import { z } from "zod";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { commerceFieldErrors } from "$lib/server/sales-document-forms";
import type { Actions, PageServerLoad } from "./$types";

const MAX_LOGO_BYTES = 500_000;

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const api = new InvoicingApi(commerce);
  try {
    const [templates, profile, outbox] = await Promise.all([
      api.listTemplates(),
      api.getEInvoiceProfile(),
      commerce.request("GET", "/admin/invoicing/mail-outbox", z.object({ smtp_configured: z.boolean(), messages: z.array(outboxEntrySchema) })),
    ]);
    return { templates, profile, outbox };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};

function saveTemplate(type: DocumentType) {
  return async ({ locals, request }: { locals: App.Locals; request: Request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const values = Object.fromEntries(["header", "footer", "terms", "accent_colour"].map((k) => [k, String(form.get(k) ?? "")]));
    const logo = form.get("logo");
    let logo_base64: string | null | undefined;
    if (form.get("remove_logo") === "on") logo_base64 = null;
    else if (logo instanceof File && logo.size > 0) {
      if (logo.size > MAX_LOGO_BYTES) return fail(400, { section: type, errors: { logo: m.settings_documents_error_logo() }, values, message: m.settings_documents_error_fix(), saved: null });
      logo_base64 = Buffer.from(await logo.arrayBuffer()).toString("base64");
    }
    try {
      await new InvoicingApi(commerce).saveTemplate(type, { header: values.header, footer: values.footer, terms: values.terms, accent_colour: values.accent_colour, ...(logo_base64 !== undefined ? { logo_base64 } : {}) });
      return { section: type, errors: {}, values, message: null, saved: m.settings_documents_template_saved() };
    } catch (err) {
      const errors = commerceFieldErrors(err) ?? {};
      if (errors.logo_base64) errors.logo = errors.logo_base64;
      return fail(Object.keys(errors).length ? 400 : 502, { section: type, errors, values, message: Object.keys(errors).length ? m.settings_documents_error_fix() : commerceProblem(err).message, saved: null });
    }
  };
}

export const actions: Actions = {
  quotation: saveTemplate("quotation"),
  invoice: saveTemplate("invoice"),
  profile: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const values = Object.fromEntries(["tin", "msic_code", "msic_name", "city", "postcode", "state_code"].map((k) => [k, String(form.get(k) ?? "").trim()]));
    const parsed = einvoiceProfileBodySchema.safeParse(values);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return fail(400, { section: "profile" as const, errors, values, message: m.settings_documents_error_fix(), saved: null });
    }
    try {
      await new InvoicingApi(commerce).saveEInvoiceProfile(parsed.data);
      return { section: "profile" as const, errors: {}, values, message: null, saved: m.settings_documents_profile_saved() };
    } catch (err) {
      return fail(502, { section: "profile" as const, errors: {}, values, message: commerceProblem(err).message, saved: null });
    }
  },
};
