import { fail } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { type TemplateBinding, type WhatsAppTemplate } from "@voltura/contracts";
import {
  listTemplateBindings,
  listWhatsAppTemplates,
  putTemplateBinding,
  submitWhatsAppTemplate,
  syncWhatsAppTemplates,
} from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { cloudSessionOr404 } from "$lib/server/cloud-session";
import { bindingBodyFrom, templateSubmitBody, templateSubmitCommerceErrors, templateSubmitErrors, templateSubmitValuesFrom } from "$lib/server/cloud-template-form";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { bindingPurposes } from "$lib/whatsapp/cloud";
import type { Actions, PageServerLoad } from "./$types";

const DEFAULT_PICKUP_DAYS = [1, 20, 30];

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const session = await cloudSessionOr404(commerce, params.id);
  const [templates, bindings, shop] = await Promise.allSettled([listWhatsAppTemplates(commerce, session.id), listTemplateBindings(commerce), commerce.getShopSettings()]);
  const problems = [templates, bindings].flatMap((r) => (r.status === "rejected" ? [commerceProblem(r.reason).message] : []));
  return {
    session: { id: session.id, name: session.name, phone: session.phone, state: session.state },
    templates: templates.status === "fulfilled" ? templates.value : ([] as WhatsAppTemplate[]),
    bindings: bindings.status === "fulfilled" ? bindings.value.filter((b) => b.session_id === session.id) : ([] as TemplateBinding[]),
    purposes: bindingPurposes(shop.status === "fulfilled" ? shop.value.pickupReminders.days : DEFAULT_PICKUP_DAYS),
    problem: problems.length ? problems.join(" ") : null,
  };
};

export const actions: Actions = {
  sync: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      const templates = await syncWhatsAppTemplates(commerce, params.id);
      return { sync: { done: m.cloud_sync_done({ count: String(templates.length) }) } };
    } catch (err) {
      return fail(commerceProblem(err).status, { sync: { message: commerceProblem(err).message } });
    }
  },
  submit: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const values = templateSubmitValuesFrom(await request.formData());
    const errors = templateSubmitErrors(values);
    if (Object.keys(errors).length) return fail(400, { submit: { values, errors, message: m.cloud_error_fix_fields() } });
    try {
      const template = await submitWhatsAppTemplate(commerce, params.id, templateSubmitBody(values));
      return { submit: { done: m.cloud_template_submitted({ name: template.name }) } };
    } catch (err) {
      const placed = templateSubmitCommerceErrors(err);
      if (placed && Object.keys(placed.errors).length) return fail(400, { submit: { values, errors: placed.errors, message: placed.rest ?? m.cloud_error_fix_fields() } });
      const problem = commerceProblem(err);
      return fail(problem.status, { submit: { values, errors: {}, message: problem.message } });
    }
  },
  bind: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const body = bindingBodyFrom(form, params.id);
    const row = `${String(form.get("purpose") ?? "")}:${String(form.get("language") ?? "")}`;
    if (!body) return fail(400, { bind: { row, message: m.cloud_binding_which() } });
    try {
      await putTemplateBinding(commerce, body);
      return { bind: { row, done: body.template_name ? m.cloud_binding_saved() : m.cloud_binding_removed() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { bind: { row, message: commerceProblem(err).message } });
    }
  },
};
