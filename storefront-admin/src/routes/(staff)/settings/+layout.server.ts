import { settingsSectionsFor } from "$lib/server/settings-sections";
import type { LayoutServerLoad } from "./$types";

/** The settings workspace's section navigation: only the sections this role may open. */
export const load: LayoutServerLoad = async ({ locals }) => ({
  settingsSections: settingsSectionsFor(locals.staff?.role),
});
