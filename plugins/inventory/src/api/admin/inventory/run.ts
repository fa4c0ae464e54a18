import type { MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";

type Runnable<I, O> = (container: MedusaContainer) => { run(args: { input: I; throwOnError: false }): Promise<{ result: O; errors: Array<{ error: unknown }> }> };

/**
 * Answers a conflict (wrong status, a reused idempotency key) as 409 with its message and details,
 * since Medusa's error handler would replace it with a generic one. False for any other error.
 */
function answeredConflict(res: MedusaResponse, err: unknown): boolean {
  const error = err as { type?: string; message?: string; details?: Record<string, unknown> } | null;
  if (error?.type !== MedusaError.Types.CONFLICT) return false;
  res.status(409).json({ type: "conflict", message: error.message ?? "The record changed meanwhile", ...(error.details ?? {}) });
  return true;
}

/** Runs a workflow for a route; a conflict is answered here (undefined returned), other errors go to Medusa. */
export async function runWorkflow<I, O>(workflow: Runnable<I, O>, container: MedusaContainer, input: I, res: MedusaResponse): Promise<O | undefined> {
  const { result, errors } = await workflow(container).run({ input, throwOnError: false });
  if (!errors.length) return result;
  if (answeredConflict(res, errors[0]!.error)) return undefined;
  throw errors[0]!.error;
}

/** Runs a write for a route; a conflict is answered here (undefined returned), other errors go to Medusa. */
export async function runWrite<O>(write: () => Promise<O>, res: MedusaResponse): Promise<O | undefined> {
  try {
    return await write();
  } catch (error) {
    if (answeredConflict(res, error)) return undefined;
    throw error;
  }
}
