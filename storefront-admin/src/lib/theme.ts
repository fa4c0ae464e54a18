/** Display preferences, kept in cookies so the server renders the right theme (no flash, no JS). */
export const THEME_COOKIE = "vsh_theme";
export const CONTRAST_COOKIE = "vsh_contrast";

export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];
export const CONTRASTS = ["normal", "high"] as const;
export type Contrast = (typeof CONTRASTS)[number];

export function parseTheme(value: unknown): Theme {
  return (THEMES as readonly unknown[]).includes(value) ? (value as Theme) : "auto";
}

export function parseContrast(value: unknown): Contrast {
  return value === "high" ? "high" : "normal";
}
