import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { ConversationTurn } from "../modules/concierge/models/conversation";
import { recordTurnStep } from "./steps/conversation";
import { openHandoffWorkflow } from "./open-handoff";

export interface RecordTurnInput {
  phone: string;
  customer_id: string | null;
  turn: ConversationTurn;
  /** Set when the concierge handed the chat to a person. */
  handoff: { reason: string; summary: string } | null;
}

/** Records an answered message in the chat's AI context and, on a hand-off, opens the handoff. */
export const recordConciergeTurnWorkflow = createWorkflow("record-concierge-turn", (input: RecordTurnInput) => {
  const conversation = recordTurnStep(transform({ input }, ({ input }) => ({ phone: input.phone, customer_id: input.customer_id, turn: input.turn })));
  const opened = when({ input }, ({ input }) => input.handoff !== null).then(() =>
    openHandoffWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        phone: input.phone,
        reason: input.handoff!.reason,
        summary: input.handoff!.summary,
        customer_id: input.customer_id,
      })),
    }),
  );
  return new WorkflowResponse({ conversation, opened });
});
