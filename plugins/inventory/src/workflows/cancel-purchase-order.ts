import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { checkPurchaseOrderActionStep, purchaseOrderLockKey } from "./steps/load-purchase-order";
import { updateRecordsStep } from "./steps/records";

export const cancelPurchaseOrderWorkflow = createWorkflow("cancel-purchase-order", (input: { purchase_order_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => purchaseOrderLockKey(input.purchase_order_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const po = checkPurchaseOrderActionStep(transform({ input }, ({ input }) => ({ purchase_order_id: input.purchase_order_id, action: "cancel" as const })));
  updateRecordsStep(transform({ po }, ({ po }) => ({ entity: "PurchaseOrder" as const, data: [{ id: po.id, status: "cancelled", cancelled_at: new Date() }] })));
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(po);
});
