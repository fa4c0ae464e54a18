import type { z } from "zod";

/** Field name → first error message, for showing next to each field. */
export type FieldErrors = Record<string, string>;

/**
 * Flattens zod issues to one message per field. `rename` maps an issue path ("customer.phone")
 * to the form field that shows it ("customer_phone").
 */
export function fieldErrorsFrom(error: z.ZodError, rename: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    const field = rename[path] ?? (path || "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The form's text fields as an object of strings (files and repeats ignored). */
export function formValues<N extends string>(data: FormData, names: readonly N[]): Record<N, string> {
  const values = {} as Record<N, string>;
  for (const name of names) {
    const v = data.get(name);
    values[name] = typeof v === "string" ? v : "";
  }
  return values;
}
