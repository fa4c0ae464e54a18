import { error, fail } from "@sveltejs/kit";
import { MANAGERS, type ShopSettings } from "@voltura/domain";
import { CommerceError } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import {
  parseSettingsSection,
  sectionCommerceErrors,
  sectionValues,
  settingsFormValues,
  type SettingsSection,
} from "$lib/server/shop-settings-form";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  let settings: ShopSettings;
  try {
    settings = await commerce.getShopSettings();
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  return { values: settingsFormValues(settings) };
};

const SAVED: Record<SettingsSection, string> = {
  business: "Business details saved.",
  tax: "Tax settings saved.",
  sla_hours: "SLA targets saved.",
  repair: "Repair settings saved.",
  quoteFollowUp: "Quote follow-up saved. It applies to quotes sent from now on.",
  pickupReminders: "Pickup reminders saved. They apply to jobs completed from now on.",
};

/** One action per section: only that section is validated and sent, so the others keep their values. */
function saveSection(section: SettingsSection) {
  return async ({ locals, request }: { locals: App.Locals; request: Request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const values = sectionValues(section, await request.formData());
    const refuse = (status: number, errors: Record<string, string>, message: string | null) =>
      fail(status, { section, values, errors, message, saved: null });

    const parsed = parseSettingsSection(section, values);
    if (!parsed.ok) return refuse(400, parsed.errors, "Check the highlighted fields.");
    try {
      const settings = await commerce.updateShopSettings(parsed.patch);
      return { section, values: settingsFormValues(settings)[section], errors: {}, message: null, saved: SAVED[section] };
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) {
        const { errors, rest } = sectionCommerceErrors(section, err.message);
        return refuse(400, errors, rest ?? "Check the highlighted fields.");
      }
      const problem = commerceProblem(err);
      return refuse(problem.status >= 400 && problem.status < 600 ? problem.status : 502, {}, problem.message);
    }
  };
}

export const actions: Actions = {
  business: saveSection("business"),
  tax: saveSection("tax"),
  sla: saveSection("sla_hours"),
  repair: saveSection("repair"),
  quoteFollowUp: saveSection("quoteFollowUp"),
  pickupReminders: saveSection("pickupReminders"),
};
