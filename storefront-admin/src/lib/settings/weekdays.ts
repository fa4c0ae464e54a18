import type { WEEKDAYS } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

/** Day names in the staff member's language. */
export const WEEKDAY_TEXT: Record<(typeof WEEKDAYS)[number], () => string> = {
  monday: m.settings_day_monday,
  tuesday: m.settings_day_tuesday,
  wednesday: m.settings_day_wednesday,
  thursday: m.settings_day_thursday,
  friday: m.settings_day_friday,
  saturday: m.settings_day_saturday,
  sunday: m.settings_day_sunday,
};
