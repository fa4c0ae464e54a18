import type { Cookies } from "@sveltejs/kit";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from "$lib/i18n/locale";

/**
 * The language cookie. Not httpOnly: Paraglide reads it in the browser too, so a page hydrates in
 * the language the server rendered. It holds only "en" or "ms".
 */
export function setLocaleCookie(cookies: Pick<Cookies, "set">, locale: Locale): void {
  cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE_S, httpOnly: false, secure: true, sameSite: "lax" });
}
