import { error, fail } from "@sveltejs/kit";
import { MANAGERS, type ShopSettings } from "@voltura/domain";
import { CommerceError } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
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

const SAVED: Record<SettingsSection, () => string> = {
  business: m.settings_shop_business_saved,
  tax: m.settings_shop_tax_saved,
  sla_hours: m.settings_shop_sla_saved,
  repair: m.settings_shop_repair_saved,
  quoteFollowUp: m.settings_shop_quote_saved,
  pickupReminders: m.settings_shop_pickup_saved,
};

/** One action per section: only that section is validated and sent, so the others keep their values. */
function saveSection(section: SettingsSection) {
  return async ({ locals, request }: { locals: App.Locals; request: Request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const values = sectionValues(section, await request.formData());
    const refuse = (status: number, errors: Record<string, string>, message: string | null) =>
      fail(status, { section, values, errors, message, saved: null });

    const parsed = parseSettingsSection(section, values);
    if (!parsed.ok) return refuse(400, parsed.errors, m.settings_shop_error_fix());
    try {
      const settings = await commerce.updateShopSettings(parsed.patch);
      return { section, values: settingsFormValues(settings)[section], errors: {}, message: null, saved: SAVED[section]() };
    } catch (err) {
      if (err instanceof CommerceError && err.status === 400) {
        const { errors, rest } = sectionCommerceErrors(section, err.message);
        return refuse(400, errors, rest ?? m.settings_shop_error_fix());
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
