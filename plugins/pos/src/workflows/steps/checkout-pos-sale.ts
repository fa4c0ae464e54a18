import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { PosCheckoutInput } from "@voltura/contracts";
import type { Approver } from "./approver";
import { checkoutPosSale } from "./checkout";

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
export const checkoutPosSaleStep = createStep("checkout-pos-sale", async (input: CheckoutPosSaleInput, { container }) => {
  const done = await checkoutPosSale(container, { ...input, approver: async () => input.approver });
  return new StepResponse({ sale_id: done.sale_id, receipt_number: done.receipt_number, replayed: done.replayed });
});
