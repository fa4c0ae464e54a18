import { z } from "zod";

/**
 * The long-lived repair flows on Temporal (quote confirmation, pickup reminders): names, ids and
 * message shapes shared by the commerce core (starts and signals them), the concierge (signals
 * customer replies) and the worker.
 */
export const QUOTE_CONFIRMATION = {
  workflowType: "quoteConfirmation",
  signals: { customerReply: "customerReply", counterDecision: "counterDecision" },
  query: "state",
  /** `quote-VSH-2026-000123` for the first quote of a job, `quote-VSH-2026-000123-v2` after. */
  workflowId: (jobNumber: string, version = 1) => (version > 1 ? `quote-${jobNumber}-v${version}` : `quote-${jobNumber}`),
} as const;

export const PICKUP_REMINDERS = {
  workflowType: "pickupReminders",
  signals: { pickedUp: "pickedUp", optedOut: "optedOut", jobReopened: "jobReopened" },
  query: "state",
  workflowId: (jobNumber: string) => `pickup-${jobNumber}`,
} as const;

export const quoteDecisionSchema = z.enum(["approve", "reject"]);
export type QuoteDecision = z.infer<typeof quoteDecisionSchema>;

/** Shop settings `quoteFollowUp`: hours after the quote was sent. */
export const quoteFollowUpSchema = z.object({
  reminderAfterHours: z.number().int().min(1).max(24 * 14),
  escalateAfterHours: z.number().int().min(1).max(24 * 30),
});
export type QuoteFollowUp = z.infer<typeof quoteFollowUpSchema>;

/** The variables a pickup reminder text may use. */
export const PICKUP_TEMPLATE_VARIABLES = ["nama", "model", "job_number", "shop_name"] as const;

const templateText = z
  .string()
  .trim()
  .min(10)
  .max(1000)
  .refine((text) => [...text.matchAll(/\{([a-z_]+)\}/g)].every((m) => (PICKUP_TEMPLATE_VARIABLES as readonly string[]).includes(m[1]!)), {
    message: `may use only the variables ${PICKUP_TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(" ")}`,
  });

/** Shop settings `pickupReminders`: days after completion, and the texts (both languages are sent). */
export const pickupRemindersSettingsSchema = z.object({
  days: z
    .array(z.number().int().min(1).max(365))
    .max(10)
    .refine((days) => days.every((day, i) => i === 0 || day > days[i - 1]!), { message: "must be whole days in increasing order" }),
  text_bm: templateText,
  text_en: templateText,
});
export type PickupRemindersSettings = z.infer<typeof pickupRemindersSettingsSchema>;

export const DEFAULT_QUOTE_FOLLOW_UP: QuoteFollowUp = { reminderAfterHours: 24, escalateAfterHours: 48 };

export const DEFAULT_PICKUP_REMINDERS: PickupRemindersSettings = {
  days: [1, 20, 30],
  text_bm:
    "Salam {nama}, {model} anda (kerja {job_number}) sudah siap dan boleh diambil di {shop_name}. Sila bawa slip penerimaan anda. Terima kasih!",
  text_en:
    "Hi {nama}, your {model} (job {job_number}) is ready for pickup at {shop_name}. Please bring your intake slip. Thank you!",
};

/** Escalation must come after the reminder; a message naming the field, or null when fine. */
export function quoteFollowUpProblem(followUp: QuoteFollowUp): string | null {
  return followUp.escalateAfterHours > followUp.reminderAfterHours
    ? null
    : "quoteFollowUp.escalateAfterHours must be more than quoteFollowUp.reminderAfterHours";
}

// ---- workflow inputs and signals ----------------------------------------------------------------

export const quoteConfirmationInputSchema = z.object({
  jobId: z.string().min(1),
  jobNumber: z.string().min(1),
  version: z.number().int().min(1),
  /** When the quote was sent (ISO); the reminder and escalation count from here. */
  sentAt: z.iso.datetime(),
  /** A copy of the shop settings at send time: changes apply to quotes sent later. */
  followUp: quoteFollowUpSchema,
});
export type QuoteConfirmationInput = z.infer<typeof quoteConfirmationInputSchema>;

export const customerReplySchema = z.object({
  decision: quoteDecisionSchema,
  messageId: z.string().min(1),
  text: z.string().max(4000),
});
export type CustomerReply = z.infer<typeof customerReplySchema>;

export const counterDecisionSchema = z.object({
  decision: quoteDecisionSchema,
  decidedBy: z.string().min(1),
});
export type CounterDecision = z.infer<typeof counterDecisionSchema>;

export const pickupRemindersInputSchema = z.object({
  jobId: z.string().min(1),
  jobNumber: z.string().min(1),
  /** When the job became Completed (ISO); reminder day N is N × 24 h after it. */
  completedAt: z.iso.datetime(),
  /** A copy of the shop settings at completion: changes apply to jobs completed later. */
  reminders: pickupRemindersSettingsSchema,
});
export type PickupRemindersInput = z.infer<typeof pickupRemindersInputSchema>;

export const pickedUpSchema = z.object({ deliveredAt: z.iso.datetime(), by: z.string().min(1) });
export type PickedUp = z.infer<typeof pickedUpSchema>;
export const optedOutSchema = z.object({ phone: z.string().min(1) });
export type OptedOut = z.infer<typeof optedOutSchema>;
export const jobReopenedSchema = z.object({ status: z.string().min(1), by: z.string().min(1) });
export type JobReopened = z.infer<typeof jobReopenedSchema>;

// ---- what the `state` queries answer --------------------------------------------------------------

export const QUOTE_FLOW_PHASES = ["sending", "awaiting_reply", "reminded", "escalated", "recording", "decided", "closed"] as const;
export type QuoteFlowPhase = (typeof QUOTE_FLOW_PHASES)[number];

export const quoteFlowStateSchema = z.object({
  jobNumber: z.string(),
  version: z.number(),
  phase: z.enum(QUOTE_FLOW_PHASES),
  sentAt: z.string(),
  quoteMessageId: z.string().nullable(),
  reminderAt: z.string(),
  escalateAt: z.string(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  decision: quoteDecisionSchema.nullable(),
  decidedVia: z.enum(["whatsapp", "counter"]).nullable(),
  /** Why the flow ended without a decision of its own (e.g. the quote was decided elsewhere). */
  closedReason: z.string().nullable(),
});
export type QuoteFlowState = z.infer<typeof quoteFlowStateSchema>;

export const PICKUP_FLOW_PHASES = ["waiting", "stopped", "finished"] as const;

export const pickupFlowStateSchema = z.object({
  jobNumber: z.string(),
  phase: z.enum(PICKUP_FLOW_PHASES),
  completedAt: z.string(),
  sent: z.array(z.object({ day: z.number(), at: z.string(), messageId: z.string() })),
  next: z.object({ day: z.number(), at: z.string() }).nullable(),
  stoppedBy: z.enum(["picked_up", "opted_out", "reopened"]).nullable(),
});
export type PickupFlowState = z.infer<typeof pickupFlowStateSchema>;
