import type { MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";

/**
 * A 409 that keeps its message and details. Medusa's error handler replaces a CONFLICT's message
 * with a generic one, so routes answer these themselves (respondToWorkflowError).
 */
export function billingConflict(type: string, message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.CONFLICT, message), { details: { type, ...details } });
}

/** A 400 naming the field, with details (e.g. shortfall_sen) kept in the answer. */
export function billingInvalid(message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.INVALID_DATA, message), { details });
}

interface WorkflowErrorLike {
  type?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * Answers a workflow's first error: conflicts as 409 and invalid input as 400 with their
 * details; anything else is rethrown to Medusa's handler.
 */
export function respondToWorkflowError(res: MedusaResponse, errors: Array<{ error: unknown }>): void {
  const error = errors[0]!.error as WorkflowErrorLike;
  const details = error?.details ?? {};
  if (error?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", message: error.message ?? "The job changed meanwhile", ...details });
    return;
  }
  if (error?.type === MedusaError.Types.INVALID_DATA && Object.keys(details).length) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: error.message, ...details });
    return;
  }
  throw error;
}
