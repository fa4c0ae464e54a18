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

/** Parses request input, answering 400 with the fields at fault instead of a 500. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeIssues(result.error)}`);
  return result.data;
}
