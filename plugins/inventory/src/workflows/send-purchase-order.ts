import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { checkPurchaseOrderActionStep } from "./steps/load-purchase-order";
import { updateRecordsStep } from "./steps/records";

/** Marks the order sent (the PDF is rendered by the route); sending again keeps the first sent_at. */
export const sendPurchaseOrderWorkflow = createWorkflow("send-purchase-order", (input: { purchase_order_id: string }) => {
  const po = checkPurchaseOrderActionStep(transform({ input }, ({ input }) => ({ purchase_order_id: input.purchase_order_id, action: "send" as const })));
  updateRecordsStep(
    transform({ po }, ({ po }) => ({ entity: "PurchaseOrder" as const, data: po.status === "draft" ? [{ id: po.id, status: "sent", sent_at: new Date() }] : [] })),
  );
  return new WorkflowResponse(po);
});
