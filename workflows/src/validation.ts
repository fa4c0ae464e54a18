import { z } from "zod";
import { repairLifecycleInputSchema, statusChangeSchema, type StatusChange } from "@voltura/domain";

// zod sets its English messages as a module side effect, which the worker's workflow bundler
// drops (zod declares "sideEffects": false); without this, every issue reads "Invalid input".
z.config(z.locales.en());

/** The failure type when the workflow is started with an input it cannot use. */
export const INVALID_INPUT_FAILURE = "InvalidRepairLifecycleInput";

/**
 * What one run of the lifecycle workflow accepts: the shared contract, plus the history that a
 * previous run hands over when it continues as new.
 */
export const lifecycleRunInputSchema = repairLifecycleInputSchema.extend({
  /** Set only by continue-as-new: every change recorded so far, oldest first. */
  carriedHistory: z.array(statusChangeSchema).min(1).optional(),
});
export type LifecycleRunInput = z.infer<typeof lifecycleRunInputSchema>;
/** The shape callers may send (`note` may be left out; it defaults to null). */
export type LifecycleRunInputArg = z.input<typeof lifecycleRunInputSchema>;
/** The shape a `statusChanged` signal carries. */
export type StatusChangeArg = z.input<typeof statusChangeSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: `Invalid ${what}: ${z.prettifyError(result.error)}` };
}

export function parseLifecycleInput(raw: unknown): Parsed<LifecycleRunInput> {
  return parseWith(lifecycleRunInputSchema, raw, "repair lifecycle input");
}

export function parseStatusChange(raw: unknown): Parsed<StatusChange> {
  return parseWith(statusChangeSchema, raw, "status change");
}
