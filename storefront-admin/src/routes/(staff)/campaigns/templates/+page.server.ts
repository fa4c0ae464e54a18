import { fail } from "@sveltejs/kit";
import { campaignTemplateBodySchema } from "@voltura/contracts";
import { campaignsFor } from "$lib/campaigns/server";
import { commerceProblem } from "$lib/server/commerce";
import { fieldErrorsFrom, formValues } from "$lib/server/forms";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { api } = campaignsFor(locals);
  try {
    return { templates: await api.listTemplates(), problem: null };
  } catch (err) {
    return { templates: [], problem: commerceProblem(err).message };
  }
};

const FIELDS = ["id", "name", "language", "body"] as const;

export const actions: Actions = {
  save: async ({ locals, request }) => {
    const { api } = campaignsFor(locals);
    const values = formValues(await request.formData(), FIELDS);
    const parsed = campaignTemplateBodySchema.safeParse(values);
    if (!parsed.success) return fail(400, { save: { values, errors: fieldErrorsFrom(parsed.error), message: "Check the highlighted fields." } });
    try {
      const saved = values.id ? await api.updateTemplate(values.id, parsed.data) : await api.createTemplate(parsed.data);
      return { save: { done: `Template “${saved.name}” saved.` } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { save: { values, errors: {}, message: problem.message } });
    }
  },
  remove: async ({ locals, request }) => {
    const { api } = campaignsFor(locals);
    const id = formValues(await request.formData(), ["id"]).id;
    if (!id) return fail(400, { remove: { message: "Which template?" } });
    try {
      await api.deleteTemplate(id);
      return { remove: { done: "Template deleted." } };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { remove: { message: problem.message } });
    }
  },
};
