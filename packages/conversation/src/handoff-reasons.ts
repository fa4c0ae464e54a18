/**
 * Why the concierge handed a chat to a person, when the reason is its own: stored on the handoff as a
 * code, which the console shows in the reader's language. The model's own reasons are free text.
 */
export const HANDOFF_REASONS = [
  "job_not_found",
  "no_jobs_for_phone",
  "price_not_listed",
  "customer_asked_for_person",
  "out_of_scope",
  "bot_off",
  "no_model_answer",
  "model_handed_over",
  "unshown_job",
  "could_not_answer",
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** Whether a stored handoff reason is one of the concierge's codes (else it is text, shown as written). */
export function isHandoffReason(value: string): value is HandoffReason {
  return (HANDOFF_REASONS as readonly string[]).includes(value);
}
