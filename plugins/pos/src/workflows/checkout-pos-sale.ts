import { Modules } from "@medusajs/framework/utils";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createCustomersWorkflow, createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows";
import type { PosCheckoutInput } from "@voltura/medusa-client";
import { applyStockMovementsStep } from "@voltura/plugin-procurement/workflows";
import { POS_MODULE } from "../modules/pos/index";
import type { Approver } from "../sales/approver";
import { claimSaleKeyStep } from "./steps/claim-sale-key";
import { completeSaleRecordStep } from "./steps/complete-sale-record";
import { createSaleOrderStep } from "./steps/create-sale-order";
import { prepareCheckoutStep } from "./steps/prepare-checkout";
import { takeReceiptNumberStep } from "./steps/take-receipt-number";
import { verifyStockAfterSaleStep } from "./steps/verify-stock-after-sale";

export const POS_SALE_COMPLETED = "pos.sale.completed";

export interface CheckoutPosSaleInput {
  body: PosCheckoutInput;
  request_hash: string;
  cashier: { id: string; name: string };
  approver: Approver | null;
}

/**
 * One counter sale, all or nothing: claim the idempotency key → work out the sale (prices, SST,
 * discounts and approvals, promotions, payment split, stock guard) → find or create the customer
 * by phone → take the receipt number → the Medusa order in the Counter channel → stock leaves
 * through the ledger (kind "sale"), checked again for a concurrent sale of the last units → the sale record with lines, payments and approvals → link
 * sale ↔ order → `pos.sale.completed`. A failure anywhere compensates every step before it.
 */
export const checkoutPosSaleWorkflow = createWorkflow("checkout-pos-sale", (input: CheckoutPosSaleInput) => {
  const saleId = claimSaleKeyStep(transform({ input }, ({ input }) => ({
    idempotency_key: input.body.idempotency_key, request_hash: input.request_hash, register_id: input.body.register_id,
    cashier_id: input.cashier.id, cashier_name: input.cashier.name,
  })));
  const plan = prepareCheckoutStep(transform({ input, saleId }, ({ input, saleId }) => ({
    sale_id: saleId, body: input.body, cashier: input.cashier, approver: input.approver,
  })));

  const created = when("pos-customer-is-new", { plan }, ({ plan }) => !!plan.customer?.create).then(() =>
    createCustomersWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => {
        const [first, ...rest] = (plan.customer!.name ?? "").split(" ").filter(Boolean);
        return { customersData: [{ phone: plan.customer!.phone, first_name: first ?? null, last_name: rest.join(" ") || null, metadata: { source: "pos" } }] };
      }),
    }),
  );
  const customerId = transform({ plan, created }, ({ plan, created }) => created?.[0]?.id ?? plan.customer?.id ?? null);

  const receiptNumber = takeReceiptNumberStep({});
  const order = createSaleOrderStep(transform({ plan, receiptNumber, customerId }, ({ plan, receiptNumber, customerId }) => ({
    plan, receipt_number: receiptNumber, customer_id: customerId,
  })));

  const movements = transform({ plan }, ({ plan }) => plan.lines
    .filter((l) => l.inventory_item_id)
    .map((l) => ({
      inventory_item_id: l.inventory_item_id!, location_id: plan.location_id, quantity_delta: -l.quantity * l.required_quantity, kind: "sale" as const,
      reference_type: "pos_sale", reference_id: plan.sale_id, actor_id: plan.cashier.id,
      note: l.stock_override ? `Sold past stock, approved by ${plan.approver?.name ?? "a manager"}` : null,
    })));
  when("pos-sale-moves-stock", { movements }, ({ movements }) => movements.length > 0).then(() => {
    applyStockMovementsStep({ movements });
    verifyStockAfterSaleStep(plan);
  });

  completeSaleRecordStep(transform({ plan, receiptNumber, order, customerId }, ({ plan, receiptNumber, order, customerId }) => ({
    plan, receipt_number: receiptNumber, order_id: order.id, customer_id: customerId,
  })));
  createRemoteLinkStep(transform({ saleId, order }, ({ saleId, order }) => [
    { [POS_MODULE]: { pos_sale_id: saleId }, [Modules.ORDER]: { order_id: order.id } },
  ]));
  emitEventStep({
    eventName: POS_SALE_COMPLETED,
    data: transform({ saleId, receiptNumber, order }, ({ saleId, receiptNumber, order }) => ({ id: saleId, receipt_number: receiptNumber, order_id: order.id })),
  });
  return new WorkflowResponse(transform({ saleId, receiptNumber }, ({ saleId, receiptNumber }) => ({ sale_id: saleId, receipt_number: receiptNumber })));
});
