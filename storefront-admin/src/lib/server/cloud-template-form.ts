import { templateParamNumbers, WHATSAPP_TEMPLATE_CATEGORIES, type PutTemplateBindingBody, type SubmitWhatsAppTemplateBody } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { paramsFromForm, parseTemplateKey } from "$lib/whatsapp/cloud";
import { commerceFieldErrors } from "./commerce-errors";
import type { FieldErrors } from "./forms";

/** The templates page's forms: a template to submit to Meta, and a binding (which template serves what). */

export interface TemplateSubmitValues {
  name: string;
  language: string;
  category: string;
  body_text: string;
  examples: string[];
}

export function templateSubmitValuesFrom(form: FormData): TemplateSubmitValues {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const body = String(form.get("body_text") ?? "");
  return {
    name: text("name"),
    language: text("language"),
    category: text("category"),
    body_text: body.trim(),
    examples: paramsFromForm(form, templateParamNumbers(body).length, "example"),
  };
}

/** What the console can say itself before Meta sees it, per field, in the staff member's language. */
export function templateSubmitErrors(v: TemplateSubmitValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[a-z0-9_]{1,512}$/.test(v.name)) errors.name = m.cloud_error_template_name();
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(v.language)) errors.language = m.cloud_error_template_language();
  if (!(WHATSAPP_TEMPLATE_CATEGORIES as readonly string[]).includes(v.category)) errors.category = m.cloud_error_template_category();
  if (!v.body_text) errors.body_text = m.cloud_error_template_body();
  const numbers = templateParamNumbers(v.body_text);
  if (numbers.some((n, i) => n !== i + 1)) errors.body_text = m.cloud_error_template_numbering();
  v.examples.forEach((example, i) => {
    if (!example) errors[`example.${i + 1}`] = m.cloud_error_template_example({ n: String(i + 1) });
  });
  return errors;
}

export function templateSubmitBody(v: TemplateSubmitValues): SubmitWhatsAppTemplateBody {
  return { name: v.name, language: v.language, category: v.category as SubmitWhatsAppTemplateBody["category"], body_text: v.body_text, body_examples: v.examples };
}

/** Commerce's 400 on the submit form's fields (`body_examples.0` is the example of {{1}}). */
export function templateSubmitCommerceErrors(err: unknown): { errors: FieldErrors; rest: string | null } | null {
  if (!(err instanceof CommerceError) || err.status !== 400) return null;
  return commerceFieldErrors(err.message, (path) => {
    const example = /^body_examples\.(\d+)$/.exec(path);
    if (example) return `example.${Number(example[1]) + 1}`;
    if (path === "body_examples") return "body_text";
    return ["name", "language", "category", "body_text"].includes(path) ? path : null;
  });
}

/**
 * A binding row: `template` is `name|language` (empty: remove the binding of that language), `param.N` the
 * variable that fills {{N}}. Null when the row names no purpose or language.
 */
export function bindingBodyFrom(form: FormData, sessionId: string): PutTemplateBindingBody | null {
  const purpose = String(form.get("purpose") ?? "").trim();
  const language = String(form.get("language") ?? "").trim();
  if (!purpose || !language) return null;
  const chosen = parseTemplateKey(String(form.get("template") ?? ""));
  const count = Number(form.get("param_count") ?? 0);
  const params = chosen ? paramsFromForm(form, Number.isInteger(count) && count > 0 && count <= 20 ? count : 0) : [];
  return { purpose, session_id: sessionId, language: chosen?.language ?? language, template_name: chosen?.name ?? null, params };
}
