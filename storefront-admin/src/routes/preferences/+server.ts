import { redirect } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { saveOwnPreferences } from "@voltura/medusa-client";
import { setLocaleCookie } from "$lib/server/locale-cookie";
import { requireRole } from "$lib/server/guard";
import { parseLocale } from "$lib/i18n/locale";
import { safeRedirectTarget } from "$lib/server/route-access";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import type { RequestHandler } from "./$types";

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Theme, contrast and language buttons post here. Theme and contrast live in cookies for a year;
 * the language too (`vsh_locale`), and it is saved on the staff account so the next sign-in, on
 * any device, opens in it.
 */
export const POST: RequestHandler = async ({ locals, request, cookies }) => {
  const { staff, commerce } = requireRole(locals, ALL_STAFF);
  const form = await request.formData();
  const options = { path: "/", maxAge: YEAR_S, httpOnly: true, secure: true, sameSite: "lax" } as const;
  if (form.has("theme")) cookies.set(THEME_COOKIE, parseTheme(form.get("theme")), options);
  if (form.has("contrast")) cookies.set(CONTRAST_COOKIE, parseContrast(form.get("contrast")), options);
  const locale = parseLocale(form.get("locale"));
  if (locale) {
    setLocaleCookie(cookies, locale);
    try {
      await saveOwnPreferences(commerce, { locale });
    } catch (err) {
      // The cookie already switched this browser; the account keeps the old choice until next time.
      console.error(`[console] saving the language of ${staff.id} failed:`, (err as Error).message);
    }
  }
  redirect(303, safeRedirectTarget(form.get("back")));
};
