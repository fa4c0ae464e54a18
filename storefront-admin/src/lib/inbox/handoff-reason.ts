import { isHandoffReason, type HandoffReason } from "@voltura/conversation";
import { m } from "$lib/paraglide/messages.js";

const LABELS: Record<HandoffReason, () => string> = {
  job_not_found: m.inbox_reason_job_not_found,
  no_jobs_for_phone: m.inbox_reason_no_jobs_for_phone,
  price_not_listed: m.inbox_reason_price_not_listed,
  customer_asked_for_person: m.inbox_reason_customer_asked_for_person,
  out_of_scope: m.inbox_reason_out_of_scope,
  bot_off: m.inbox_reason_bot_off,
  no_model_answer: m.inbox_reason_no_model_answer,
  model_handed_over: m.inbox_reason_model_handed_over,
  unshown_job: m.inbox_reason_unshown_job,
  could_not_answer: m.inbox_reason_could_not_answer,
};

/**
 * A handoff's reason for the page: the concierge's own codes in the reader's language (`translated`),
 * anything else (the model's words, a reason given through the API) as written.
 */
export function handoffReasonText(reason: string): { text: string; translated: boolean } {
  return isHandoffReason(reason) ? { text: LABELS[reason](), translated: true } : { text: reason, translated: false };
}
