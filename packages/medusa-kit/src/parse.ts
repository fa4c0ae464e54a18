import { MedusaError } from "@medusajs/framework/utils";
import type { z } from "zod";

/** Describes zod issues by field, e.g. `customer.phone: Phone number is required`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      if (!field) return issue.message;
      // zod says "expected string, received undefined"; people say "is required".
      if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return `${field} is required`;
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 32;

/**
 * The first string PostgreSQL cannot store as sent: a NUL character (the insert fails) or a lone
 * UTF-16 surrogate (it would come back as U+FFFD, or fail in jsonb). Keys are checked too.
 */
export function findUnstorableText(data: unknown, path: readonly string[] = []): { field: string; problem: string } | null {
  if (typeof data === "string") {
    if (data.includes("\u0000")) return { field: path.join("."), problem: "must not contain NUL characters" };
    if (LONE_SURROGATE.test(data)) return { field: path.join("."), problem: "must be valid Unicode text (it has half of a surrogate pair)" };
    return null;
  }
  if (data === null || typeof data !== "object" || path.length >= MAX_DEPTH) return null;
  for (const [key, value] of Object.entries(data)) {
    const found = findUnstorableText(key, [...path, "(key)"]) ?? findUnstorableText(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Parses request input, answering 400 with the fields at fault instead of a 500. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const unstorable = findUnstorableText(data);
  if (unstorable) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${unstorable.field || "body"}: ${unstorable.problem}`);
  const result = schema.safeParse(data);
  if (!result.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error)}`);
  return result.data;
}
