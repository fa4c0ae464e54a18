import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { PosCheckoutInput } from "@voltura/medusa-client";
import type { Approver } from "../sales/approver";
import { checkoutPosSale } from "../sales/checkout";

export { checkoutPosSale, commitPosCheckout, type CheckoutRequest, type CheckoutResult } from "../sales/checkout";
export { requestHash } from "../sales/replay";
export { POS_SALE_COMPLETED } from "../sales/checkout-outbox";
export { recoverPosCheckouts, type CheckoutRecoveryReport } from "../sales/checkout-recovery";

export interface CheckoutPosSaleInput {
  body: PosCheckoutInput;
  request_hash: string;
  cashier: { id: string; name: string };
  approver: Approver | null;
}

/**
 * No compensation on purpose: the sale's own rows commit in one database transaction (or not at
 * all), and what follows is an idempotent outbox that a retry or the recovery finishes.
 */
const checkoutPosSaleStep = createStep("checkout-pos-sale", async (input: CheckoutPosSaleInput, { container }) => {
  const done = await checkoutPosSale(container, { ...input, approver: async () => input.approver });
  return new StepResponse({ sale_id: done.sale_id, receipt_number: done.receipt_number, replayed: done.replayed });
});

/**
 * One counter sale (see sales/checkout.ts): prepare (reads only) → ONE transaction for the claim,
 * receipt number, sale, lines, payments, approvals, stock ledger and on-hand → the outbox (customer,
 * Medusa order in the Counter channel, sale ↔ order link, `pos.sale.completed`). For callers that
 * run workflows (the demo seed); the checkout route calls checkoutPosSale directly.
 */
export const checkoutPosSaleWorkflow = createWorkflow("checkout-pos-sale", (input: CheckoutPosSaleInput) => {
  return new WorkflowResponse(checkoutPosSaleStep(input));
});
