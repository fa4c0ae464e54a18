import type { MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";

interface WorkflowErrorLike { type?: string; message?: string; details?: Record<string, unknown> }

/** Answers a 409 / 400 with its message and details (Medusa would hide a CONFLICT's message). */
export function respondToError(res: MedusaResponse, error: unknown): void {
  const e = error as WorkflowErrorLike;
  const details = e?.details ?? {};
  if (e?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", message: e.message ?? "The document changed meanwhile", ...details });
    return;
  }
  if (e?.type === MedusaError.Types.INVALID_DATA) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: e.message, ...details });
    return;
  }
  throw error;
}

/** For workflow runs with throwOnError: false. */
export function respondToWorkflowError(res: MedusaResponse, errors: Array<{ error: unknown }>): void {
  respondToError(res, errors[0]!.error);
}

export function sendPdf(res: MedusaResponse, pdf: Buffer, filename: string, disposition: "inline" | "attachment" = "inline"): void {
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `${disposition}; filename="${filename}"`);
  res.setHeader("cache-control", "private, no-store");
  res.status(200).send(pdf);
}

export function sendJsonFile(res: MedusaResponse, body: unknown, filename: string): void {
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="${filename}"`);
  res.setHeader("cache-control", "private, no-store");
  res.status(200).send(JSON.stringify(body, null, 2));
}
