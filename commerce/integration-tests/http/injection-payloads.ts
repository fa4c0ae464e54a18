/**
 * Hostile text for the injection suites (commerce API, console forms, stored XSS in Chromium).
 * Every value must be stored and shown as plain text: never run, never evaluated, never cut short.
 * The XSS payloads all set `window.__xss` so a browser check can tell whether any of them ran.
 */
export type PayloadFamily = "sql" | "xss" | "template" | "formula" | "long" | "unicode";

export interface InjectionPayload {
  id: string;
  family: PayloadFamily;
  value: string;
}

const p = (family: PayloadFamily, id: string, value: string): InjectionPayload => ({ id, family, value });

export const XSS_MARKER = "__xss";

export const INJECTION_PAYLOADS: readonly InjectionPayload[] = [
  p("sql", "sql-or", "' OR 1=1 --"),
  p("sql", "sql-drop", "'; DROP TABLE x; --"),
  p("xss", "xss-script", "<script>window.__xss=1</script>"),
  p("xss", "xss-img", '<img src=x onerror="window.__xss=1">'),
  p("xss", "xss-svg", '"><svg onload=window.__xss=1>'),
  p("xss", "xss-js-url", "javascript:window.__xss=1"),
  p("template", "tpl-mustache", "{{7*7}}"),
  p("template", "tpl-dollar", "${7*7}"),
  p("template", "tpl-nama", "{nama}"),
  p("template", "tpl-erb", "<%= 7*7 %>"),
  p("formula", "csv-hyperlink", '=HYPERLINK("http://x")'),
  p("formula", "csv-plus", "+1+1"),
  p("formula", "csv-at", "@SUM(1)"),
  p("formula", "csv-minus", "-1+1"),
  p("long", "long-10k", "Panjang ".repeat(1250)),
  p("long", "long-100k", "é".repeat(100_000)),
  p("unicode", "nul", "before\u0000after"),
  p("unicode", "lone-surrogate", "half \ud800 pair"),
  p("unicode", "rtl-override", "invoice\u202Efdp.exe"),
  p("unicode", "zero-width", "zero\u200Bwidth\u200Cjoin\u200Dchars\uFEFF"),
  p("unicode", "emoji", "📱🔧 skrin pecah 👍🏽 👨‍👩‍👧"),
  p("unicode", "combining", "Zalgo e\u0301 n\u0303 a\u0308\u0323 Ḁ̸̢"),
  p("unicode", "crlf", "line one\r\nline two"),
] as const;

export const XSS_PAYLOADS = INJECTION_PAYLOADS.filter((x) => x.family === "xss");

/** Payloads short enough for any text field that takes a name (120 characters). */
export const SHORT_PAYLOADS = INJECTION_PAYLOADS.filter((x) => x.family !== "long");
