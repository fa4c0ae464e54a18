import type { FieldErrors } from "./forms";

/**
 * Commerce answers bad input with 400 "Invalid request: tax.sst_rate_bp: Too big…; business.email: Invalid email"
 * (parseOrThrow) or, from a workflow, "Invalid settings: …". This splits such a message into one
 * error per form field; `fieldFor` maps an issue path ("tax.sst_rate_bp") to a form field name or
 * null. Whatever cannot be placed on a field comes back in `rest`.
 */
export function commerceFieldErrors(
  message: string,
  fieldFor: (path: string) => string | null,
): { errors: FieldErrors; rest: string | null } {
  const body = message.replace(/^Invalid (request|settings|data):\s*/i, "");
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const part of body.split(/;\s+/)) {
    const text = part.trim();
    const m = /^([\w.[\]]+):\s*(.+)$/.exec(text) ?? /^([\w.[\]]+) (is required)$/.exec(text);
    const field = m ? fieldFor(m[1]!) : null;
    if (m && field) errors[field] ??= m[2] === "is required" ? "This field is required" : sentence(m[2]!);
    else if (text) rest.push(text);
  }
  return { errors, rest: rest.length ? rest.join("; ") : null };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
