import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { checkoutPosSaleStep, type CheckoutPosSaleInput } from "./steps/checkout-pos-sale";

export { checkoutPosSale, commitPosCheckout, type CheckoutRequest, type CheckoutResult } from "./steps/checkout";
export { requestHash } from "../domain/replay";
export { POS_SALE_COMPLETED } from "./steps/checkout-outbox";
export { recoverPosCheckouts, type CheckoutRecoveryReport } from "./steps/checkout-recovery";
export type { CheckoutPosSaleInput } from "./steps/checkout-pos-sale";

/**
 * One counter sale (see steps/checkout.ts): prepare (reads only) → ONE transaction for the claim,
 * receipt number, sale, lines, payments, approvals, stock ledger and on-hand → the outbox (customer,
 * Medusa order in the Counter channel, sale ↔ order link, `pos.sale.completed`). For callers that
 * run workflows (the demo seed); the checkout route calls checkoutPosSale directly.
 */
export const checkoutPosSaleWorkflow = createWorkflow("checkout-pos-sale", (input: CheckoutPosSaleInput) => {
  return new WorkflowResponse(checkoutPosSaleStep(input));
});
