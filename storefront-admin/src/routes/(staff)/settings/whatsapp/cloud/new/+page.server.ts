import { randomBytes } from "node:crypto";
import { fail, redirect } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { createWhatsAppSession } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { cloudConfigOf, cloudErrorsFrom, cloudValuesFrom, echoValues, missingCloudFields } from "$lib/server/cloud-config-form";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, MANAGERS);
  // A verify token the shop can paste into Meta as it is (it may type its own instead).
  return { verifyToken: randomBytes(18).toString("base64url") };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const cloud = cloudValuesFrom(form);
    const name = String(form.get("name") ?? "").trim();
    const isDefault = form.get("is_default") === "on";
    const values = { ...echoValues(cloud), name, is_default: isDefault };
    const errors = missingCloudFields(cloud);
    if (!name) errors.name = m.cloud_error_name_required();
    if (Object.keys(errors).length) return fail(400, { values, errors, message: m.cloud_error_fix_fields() });
    let id: string;
    try {
      id = (await createWhatsAppSession(commerce, { name, kind: "cloud_api", is_default: isDefault, cloud: cloudConfigOf(cloud) })).id;
    } catch (err) {
      const placed = cloudErrorsFrom(err);
      if (placed && Object.keys(placed.errors).length) return fail(400, { values, errors: placed.errors, message: placed.rest ?? m.cloud_error_fix_fields() });
      const problem = commerceProblem(err);
      return fail(problem.status, { values, errors: {}, message: problem.message });
    }
    redirect(303, `/settings/whatsapp/cloud/${encodeURIComponent(id)}?added=1`);
  },
};
