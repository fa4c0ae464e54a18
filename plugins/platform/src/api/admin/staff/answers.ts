import type { MedusaResponse } from "@medusajs/framework/http";
import { retryAfterText } from "@voltura/domain";
import { WRONG_CREDENTIALS_MESSAGE } from "../../../modules/staff-guard/check-credentials";

/** 401 with the one message for every kind of wrong credentials. */
export function answerWrongCredentials(res: MedusaResponse, message = WRONG_CREDENTIALS_MESSAGE): void {
  res.status(401).json({ type: "unauthorized", message });
}

/** 429 with how long to wait, in the body and in Retry-After. */
export function answerTooManyAttempts(res: MedusaResponse, retryAfterSeconds: number): void {
  res.setHeader("Retry-After", String(retryAfterSeconds));
  res.status(429).json({ type: "too_many_attempts", message: retryAfterText(retryAfterSeconds), retry_after_seconds: retryAfterSeconds });
}
