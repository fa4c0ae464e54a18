import { z } from "zod";
import { pickupFlowStateSchema, quoteFlowStateSchema } from "@voltura/domain";

const flowBase = {
  workflow_id: z.string(),
  run_id: z.string(),
  /** Temporal's execution status: RUNNING, COMPLETED, TERMINATED, FAILED, … */
  status: z.string(),
  started_at: z.string(),
  closed_at: z.string().nullable(),
};

export const repairFlowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("quote"), version: z.number(), state: quoteFlowStateSchema.nullable(), ...flowBase }),
  z.object({ kind: z.literal("pickup"), version: z.null(), state: pickupFlowStateSchema.nullable(), ...flowBase }),
]);
export type RepairFlow = z.infer<typeof repairFlowSchema>;

export const repairFlowsAnswerSchema = z.object({ namespace: z.string(), flows: z.array(repairFlowSchema) });
export type RepairFlows = z.infer<typeof repairFlowsAnswerSchema>;
