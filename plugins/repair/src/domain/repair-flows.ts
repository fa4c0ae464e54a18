import {
  PICKUP_REMINDERS,
  pickupFlowStateSchema,
  QUOTE_CONFIRMATION,
  quoteFlowStateSchema,
  type PickupFlowState,
  type QuoteFlowState,
} from "@voltura/domain";

export interface FlowRef {
  kind: "quote" | "pickup";
  workflow_id: string;
  version: number | null;
  query: string;
}

/** The Temporal flows a job may have: one per quote version sent (newest first), and its pickup reminders. */
export function flowRefsForJob(jobNumber: string, quoteVersions: readonly number[]): FlowRef[] {
  const quotes = [...new Set(quoteVersions)]
    .sort((a, b) => b - a)
    .map((version): FlowRef => ({ kind: "quote", workflow_id: QUOTE_CONFIRMATION.workflowId(jobNumber, version), version, query: QUOTE_CONFIRMATION.query }));
  return [{ kind: "pickup", workflow_id: PICKUP_REMINDERS.workflowId(jobNumber), version: null, query: PICKUP_REMINDERS.query }, ...quotes];
}

/** A state answer the staff screen can trust, or null (older or unexpected shapes are not shown). */
export function readFlowState(kind: FlowRef["kind"], raw: unknown): QuoteFlowState | PickupFlowState | null {
  const parsed = kind === "quote" ? quoteFlowStateSchema.safeParse(raw) : pickupFlowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
