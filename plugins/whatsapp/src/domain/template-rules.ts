import { fillTemplateBody, templateParamNumbers } from "@voltura/contracts";

/** What WhatsApp says of a template; Meta's other states are folded into these (templateStatusOf). */
export const TEMPLATE_STATUSES = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Meta's template states, folded into the five the shop sees (anything else cannot be sent). */
export function templateStatusOf(metaStatus: string): TemplateStatus {
  switch (metaStatus.toUpperCase()) {
    case "APPROVED":
      return "APPROVED";
    case "PENDING":
    case "IN_APPEAL":
      return "PENDING";
    case "REJECTED":
      return "REJECTED";
    case "PAUSED":
      return "PAUSED";
    default:
      // DISABLED, LIMIT_EXCEEDED, PENDING_DELETION, DELETED, ARCHIVED…
      return "DISABLED";
  }
}

interface TemplateComponent {
  type?: unknown;
  text?: unknown;
}

/** The BODY component's text, and how many {{n}} parameters it takes (the highest n). */
export function templateBodyOf(components: readonly unknown[]): { body_text: string; param_count: number } {
  const body = components.find((c): c is TemplateComponent => typeof c === "object" && c !== null && String((c as TemplateComponent).type).toUpperCase() === "BODY");
  const text = typeof body?.text === "string" ? body.text : "";
  return { body_text: text, param_count: templateParamNumbers(text).at(-1) ?? 0 };
}

/** A stored template, as the send rules need it. */
export interface KnownTemplate {
  name: string;
  language: string;
  status: TemplateStatus;
  param_count: number;
  body_text: string;
}

/** A 422 answer of the send route: what was refused and which field to fix. */
export interface SendRefusal {
  type: "outside_service_window" | "template_not_approved" | "template_params" | "template_not_supported";
  message: string;
  field: string;
  detail?: string;
}

export const OUTSIDE_WINDOW_MESSAGE = "It is more than 24 hours since this customer last wrote: WhatsApp only allows an approved template now";

export function outsideWindow(detail?: string): SendRefusal {
  return { type: "outside_service_window", message: OUTSIDE_WINDOW_MESSAGE, field: "template", ...(detail ? { detail } : {}) };
}

/** Why `template` cannot be sent with `params` (unknown, not approved, wrong parameter count); null when it can. */
export function templateRefusal(
  requested: { name: string; language: string },
  found: KnownTemplate | null,
  params: readonly string[],
  fields: { name: string; params: string } = { name: "template.name", params: "template.params" },
): SendRefusal | null {
  const label = `${requested.name} (${requested.language})`;
  if (!found) {
    return { type: "template_not_approved", field: fields.name, message: `${fields.name}: ${label} is not a template of this WhatsApp number (sync the templates, or submit it)` };
  }
  if (found.status !== "APPROVED") {
    return { type: "template_not_approved", field: fields.name, message: `${fields.name}: ${label} is ${found.status}; only an APPROVED template can be sent` };
  }
  if (params.length !== found.param_count) {
    return {
      type: "template_params",
      field: fields.params,
      message: `${fields.params}: ${label} takes ${found.param_count} parameter${found.param_count === 1 ? "" : "s"}, ${params.length} given`,
    };
  }
  return null;
}

/** A binding of a purpose to a template, with that template as stored (null when it is not on the number). */
export interface BindingCandidate {
  language: string;
  template_name: string;
  params: string[];
  template: KnownTemplate | null;
}

/** Whether a WhatsApp language code is in `language` ("en" matches "en", "en_US", "en_GB"). */
function speaks(code: string, language: string): boolean {
  return code === language || code.startsWith(`${language}_`);
}

/**
 * The binding to use for a customer who speaks `customerLanguage` (null when unknown): theirs, else
 * Malay (the shop's default), else any other, in a stable order.
 */
export function chooseBinding<T extends { language: string }>(bindings: readonly T[], customerLanguage: string | null): T | null {
  const rank = (b: T) => (customerLanguage && speaks(b.language, customerLanguage) ? 0 : speaks(b.language, "ms") ? 1 : 2);
  return [...bindings].sort((a, b) => rank(a) - rank(b) || a.language.localeCompare(b.language))[0] ?? null;
}

/** The binding's parameters filled from the sender's variables, or the first variable missing. */
export function bindingParams(params: readonly string[], variables: Readonly<Record<string, string>>): { params: string[] } | { missing: string } {
  const values: string[] = [];
  for (const name of params) {
    const value = variables[name];
    if (value === undefined || value.trim() === "") return { missing: name };
    values.push(value);
  }
  return { params: values };
}

/**
 * The text a template message shows in the shop's chat log: what the customer reads (the template's
 * body filled in) when its text is known, else the caller's text, else the name and its values.
 */
export function templateLogText(body: string, template: { name: string; bodyParams: readonly string[] }, known: KnownTemplate | null): string {
  if (known?.body_text) return fillTemplateBody(known.body_text, template.bodyParams);
  if (body.trim() !== "") return body;
  return template.bodyParams.length ? `[${template.name}] ${template.bodyParams.join(" · ")}` : `[${template.name}]`;
}
