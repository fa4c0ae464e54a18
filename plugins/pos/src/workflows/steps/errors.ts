import type { MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";

/**
 * A 409 that keeps its message and details. Medusa's error handler replaces a CONFLICT's message
 * with a generic one, so routes answer these themselves (respondToWorkflowError).
 */
export function posConflict(code: string, message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.CONFLICT, message), { details: { code, ...details } });
}

/** A 400 naming the field, with details kept in the answer. */
export function posInvalid(message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.INVALID_DATA, message), { details });
}

/** A 403 for a discount or override that needs a manager (code "approval_required"). */
export function posApprovalRequired(message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.NOT_ALLOWED, message), { details: { code: "approval_required", ...details } });
}

interface WorkflowErrorLike {
  type?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** Answers a workflow's first error (409, 400 and 403 with their details); anything else goes to Medusa's handler. */
export function respondToWorkflowError(res: MedusaResponse, errors: Array<{ error: unknown }>): void {
  answerError(res, errors[0]!.error);
}

export function answerError(res: MedusaResponse, err: unknown): void {
  const error = err as WorkflowErrorLike;
  const details = error?.details ?? {};
  if (error?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", message: error.message ?? "The sale changed meanwhile", ...details });
    return;
  }
  if (error?.type === MedusaError.Types.NOT_ALLOWED && details.code === "approval_required") {
    res.status(403).json({ type: MedusaError.Types.NOT_ALLOWED, message: error.message, ...details });
    return;
  }
  if (error?.type === MedusaError.Types.INVALID_DATA) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: error.message, ...details });
    return;
  }
  throw err;
}
