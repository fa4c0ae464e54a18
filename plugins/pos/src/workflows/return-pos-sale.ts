import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { Approver } from "../sales/approver";
import { requestHash } from "../sales/replay";
import type { ReturnBody } from "../sales/return-commit";
import { returnPosSale } from "../sales/sale-return";

export { POS_SALE_RETURNED, commitReturn, type ReturnOutcome } from "../sales/return-commit";
export { returnPosSale, type ReturnRequest } from "../sales/sale-return";

export interface ReturnPosSaleInput extends ReturnBody {
  sale_id: string;
  actor: { id: string; name: string };
  approver: Approver | null;
}

/**
 * No compensation on purpose: the return's rows, stock and ledger rows commit in one database
 * transaction (or not at all), and what follows is an idempotent outbox the recovery finishes.
 */
const returnPosSaleStep = createStep("return-pos-sale", async (input: ReturnPosSaleInput, { container }) => {
  const { sale_id, actor, approver, ...body } = input;
  const done = await returnPosSale(container, {
    sale_id, body, request_hash: requestHash({ sale_id, ...body }), actor, approver: async () => approver, audit: null,
  });
  return new StepResponse({ return_id: done.return_id, replayed: done.replayed });
});

/**
 * A return against a sale (see sales/sale-return.ts), for callers that run workflows (the demo
 * seed); the returns route calls returnPosSale directly and records the audit row with it.
 */
export const returnPosSaleWorkflow = createWorkflow("return-pos-sale", (input: ReturnPosSaleInput) => {
  return new WorkflowResponse(returnPosSaleStep(input));
});
