import type { MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";

type Runnable<I, O> = (container: MedusaContainer) => { run(args: { input: I; throwOnError: false }): Promise<{ result: O; errors: Array<{ error: unknown }> }> };

/**
 * Runs a workflow for a route. A conflict (wrong status) is answered as 409 with its message,
 * since Medusa's error handler would replace it with a generic one; other errors go to Medusa.
 * Returns undefined when it has answered.
 */
export async function runWorkflow<I, O>(workflow: Runnable<I, O>, container: MedusaContainer, input: I, res: MedusaResponse): Promise<O | undefined> {
  const { result, errors } = await workflow(container).run({ input, throwOnError: false });
  if (!errors.length) return result;
  const error = errors[0]!.error as { type?: string; message?: string };
  if (error?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", message: error.message ?? "The record changed meanwhile" });
    return undefined;
  }
  throw error;
}
