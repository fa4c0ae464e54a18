import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { clientIpOf } from "@voltura/medusa-kit";
import { answerTooManyAttempts, answerWrongCredentials } from "../admin/staff/answers";
import { checkStaffCredentials } from "../../modules/staff-guard/check-credentials";

/**
 * In front of Medusa's own POST /auth/user/emailpass (commerce may be reached directly): the
 * same check as the console's sign-in — per-account and per-IP limits, one 401 for a wrong
 * password, an unknown email or a deactivated account — before Medusa issues its token.
 */
export async function guardMedusaEmailpassSignin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { email?: unknown; password?: unknown };
  if (typeof body.email !== "string" || typeof body.password !== "string") return answerWrongCredentials(res);
  try {
    const result = await checkStaffCredentials(req, {
      email: body.email, password: body.password, ip: clientIpOf(req) ?? "unknown", purpose: "signin", channel: "medusa",
    });
    if (!result.ok) {
      if (result.reason === "limited") return answerTooManyAttempts(res, result.retry_after_seconds);
      return answerWrongCredentials(res);
    }
  } catch (err) {
    return next(err);
  }
  next();
}
