import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http";

/** Express's own error for a path parameter whose percent-encoding is not text (`/public/track/100%`). */
function isUndecodableParam(err: unknown): boolean {
  if (err instanceof URIError) return true;
  const e = err as { status?: unknown; message?: unknown } | null;
  return !!e && e.status === 400 && typeof e.message === "string" && /failed to decode param/i.test(e.message);
}

/**
 * Medusa's error handler, with one correction: a path parameter that cannot be decoded is the
 * caller's mistake (400 naming it), not a server fault. Medusa would answer 500, because Express
 * marks that error with a status but not as an HTTP error.
 */
export function volturaErrorHandler() {
  const core = errorHandler();
  return (err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (isUndecodableParam(err)) {
      res.status(400).json({ type: "invalid_data", message: "Invalid request: a path parameter is not valid percent-encoded text" });
      return;
    }
    return core(err, req as never, res as never, next);
  };
}
