import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { Approver } from "./approver";
import { requestHash } from "../../domain/replay";
import type { ReturnBody } from "./return-commit";
import { returnPosSale } from "./sale-return";

export interface ReturnPosSaleInput extends ReturnBody {
  sale_id: string;
  actor: { id: string; name: string };
  approver: Approver | null;
}

/**
 * No compensation on purpose: the return's rows, stock and ledger rows commit in one database
 * transaction (or not at all), and what follows is an idempotent outbox the recovery finishes.
 */
export const returnPosSaleStep = createStep("return-pos-sale", async (input: ReturnPosSaleInput, { container }) => {
  const { sale_id, actor, approver, ...body } = input;
  const done = await returnPosSale(container, {
    sale_id, body, request_hash: requestHash({ sale_id, ...body }), actor, approver: async () => approver, audit: null,
  });
  return new StepResponse({ return_id: done.return_id, replayed: done.replayed });
});
