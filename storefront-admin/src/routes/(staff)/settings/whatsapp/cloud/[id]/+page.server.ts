import { fail } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { pairWhatsAppSession, updateWhatsAppCloudConfig } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { cloudErrorsFrom, cloudPatchOf, cloudValuesFrom, echoValues, secretsSet } from "$lib/server/cloud-config-form";
import { cloudSessionOr404 } from "$lib/server/cloud-session";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { webhookUrl } from "$lib/whatsapp/cloud";
import type { Actions, PageServerLoad } from "./$types";

/** The default path when commerce does not name one (the console forwards it to commerce). */
const WEBHOOK_PATH = "/webhooks/whatsapp/cloud";

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const session = await cloudSessionOr404(commerce, params.id);
  return {
    session,
    secrets: secretsSet(session.cloud),
    webhook: webhookUrl(url.origin, session.cloud?.webhook_path ?? WEBHOOK_PATH),
    added: url.searchParams.get("added") === "1",
  };
};

export const actions: Actions = {
  save: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const values = cloudValuesFrom(await request.formData());
    const patch = cloudPatchOf(values);
    if (Object.keys(patch).length === 0) return fail(400, { config: { values: echoValues(values), errors: {}, message: m.cloud_nothing_to_change() } });
    try {
      await updateWhatsAppCloudConfig(commerce, params.id, patch);
      return { config: { done: m.cloud_config_saved() } };
    } catch (err) {
      const placed = cloudErrorsFrom(err);
      if (placed && Object.keys(placed.errors).length) return fail(400, { config: { values: echoValues(values), errors: placed.errors, message: placed.rest ?? m.cloud_error_fix_fields() } });
      const problem = commerceProblem(err);
      return fail(problem.status, { config: { values: echoValues(values), errors: {}, message: problem.message } });
    }
  },
  reconnect: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    try {
      await pairWhatsAppSession(commerce, params.id);
      return { reconnect: { done: m.cloud_reconnect_started() } };
    } catch (err) {
      return fail(commerceProblem(err).status, { reconnect: { message: commerceProblem(err).message } });
    }
  },
};
