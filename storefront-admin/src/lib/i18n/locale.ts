import { baseLocale, cookieName, getLocale, locales, type Locale } from "$lib/paraglide/runtime.js";

/**
 * The console's two languages. A staff member's choice lives in the `vsh_locale` cookie (read by
 * Paraglide on the server per request and in the browser) and on their staff account
 * (`metadata.locale`, copied into the cookie at sign-in).
 */
export type { Locale };
export const LOCALES = locales;
export const BASE_LOCALE = baseLocale;
export const LOCALE_COOKIE = cookieName;
/** Kept for a year, like the theme; readable by the browser (Paraglide reads it there too). */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function parseLocale(value: unknown): Locale | null {
  return (locales as readonly unknown[]).includes(value) ? (value as Locale) : null;
}

/** Intl's name for the locale: Malaysian English / Malay as written in Malaysia. */
export function intlLocale(locale: Locale = getLocale()): "en-MY" | "ms-MY" {
  return locale === "ms" ? "ms-MY" : "en-MY";
}

/** The `lang` attribute of <html>. */
export const htmlLang = (locale: Locale): string => intlLocale(locale);

/** What the BM/EN switch shows for each language (in that language, as switches do). */
export const LOCALE_NAMES: Record<Locale, { short: string; long: string }> = {
  en: { short: "EN", long: "English" },
  ms: { short: "BM", long: "Bahasa Melayu" },
};
