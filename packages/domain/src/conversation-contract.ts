import { z } from "zod";

/**
 * The concierge's conversation workflow (one per WhatsApp chat): names, id and message shapes
 * shared by the commerce core (signals it), the concierge plugin and the worker.
 */
export const CONVERSATION = {
  workflowType: "conversation",
  /** `wa:+60123456789` */
  workflowId: (phoneE164: string) => `wa:${phoneE164}`,
  signals: { inbound: "inbound", handoffOpened: "handoffOpened", staffReplied: "staffReplied", handoffClosed: "handoffClosed" },
  query: "conversationState",
} as const;

export const conversationInboundSchema = z.object({
  messageId: z.string().min(1),
  body: z.string(),
  receivedAt: z.iso.datetime(),
  customerId: z.string().nullable(),
  sessionId: z.string().min(1),
});
export type ConversationInbound = z.infer<typeof conversationInboundSchema>;

export const handoffOpenedSchema = z.object({
  handoffId: z.string().min(1),
  openedAt: z.iso.datetime(),
  /** Unanswered for this long → escalate to the managers. */
  escalateAfterMs: z.number().int().min(1000),
});
export type HandoffOpened = z.infer<typeof handoffOpenedSchema>;

export const staffRepliedSchema = z.object({ at: z.iso.datetime(), handoffId: z.string().min(1).nullable() });
export type StaffReplied = z.infer<typeof staffRepliedSchema>;

export const handoffClosedSchema = z.object({ handoffId: z.string().min(1) });
export type HandoffClosed = z.infer<typeof handoffClosedSchema>;

export const conversationInputSchema = z.object({
  phone: z.string().regex(/^\+\d{8,15}$/, "phone must be E.164"),
  /** Set by continue-as-new only. */
  carried: z
    .object({
      seen: z.array(z.string()),
      pending: z.array(conversationInboundSchema),
      handoff: z
        .object({ handoffId: z.string(), openedAt: z.string(), lastActivityAt: z.string(), escalateAfterMs: z.number().int(), escalated: z.boolean() })
        .nullable(),
      answered: z.number().int(),
    })
    .optional(),
});
export type ConversationInput = z.infer<typeof conversationInputSchema>;
