import { redirect } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { requireRole } from "$lib/server/guard";
import { safeRedirectTarget } from "$lib/server/route-access";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import type { RequestHandler } from "./$types";

const YEAR_S = 365 * 24 * 60 * 60;

/** Theme and contrast buttons post here; the choice lives in a cookie for a year. */
export const POST: RequestHandler = async ({ locals, request, cookies }) => {
  requireRole(locals, ALL_STAFF);
  const form = await request.formData();
  const options = { path: "/", maxAge: YEAR_S, httpOnly: true, secure: true, sameSite: "lax" } as const;
  if (form.has("theme")) cookies.set(THEME_COOKIE, parseTheme(form.get("theme")), options);
  if (form.has("contrast")) cookies.set(CONTRAST_COOKIE, parseContrast(form.get("contrast")), options);
  redirect(303, safeRedirectTarget(form.get("back")));
};
