import { MedusaError } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { planReceipt, type PurchaseOrderLineState, type ReceiptRequestLine } from "../rules/purchase-order";
import { loadPurchaseOrderFor } from "./purchase-orders";
import { listRecords } from "./steps/records";
import { applyStockMovementsStep } from "./steps/apply-stock-movements";
import { updateRecordsStep } from "./steps/records";

export interface ReceivePurchaseOrderInput {
  purchase_order_id: string;
  lines: ReceiptRequestLine[];
  received_by: string;
  note?: string | null;
}

/** What this delivery books, checked against what is still outstanding (400 naming the line). Reads only. */
const planReceiptStep = createStep("plan-purchase-order-receipt", async (input: ReceivePurchaseOrderInput, { container }) => {
  const po = await loadPurchaseOrderFor(container, input.purchase_order_id, "receive");
  const lines = (await listRecords(container, "PurchaseOrderLine", { purchase_order_id: po.id })) as unknown as PurchaseOrderLineState[];
  const plan = planReceipt(lines.map((l) => ({ ...l, quantity_ordered: Number(l.quantity_ordered), quantity_received: Number(l.quantity_received), unit_cost_sen: Number(l.unit_cost_sen) })), input.lines);
  if (!plan.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, plan.message);
  return new StepResponse({ po_id: po.id, po_number: String(po.po_number), location_id: String(po.location_id), lines: plan.lines, status_after: plan.status_after });
});

/**
 * Books a (partial) delivery: stock comes in through the ledger as `receipt` at the order's unit
 * cost (moving the weighted average cost), the lines count what arrived and the order becomes
 * partially_received or received. Under a lock per order, so two deliveries cannot over-receive.
 */
export const receivePurchaseOrderWorkflow = createWorkflow("receive-purchase-order", (input: ReceivePurchaseOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => `purchase-order:${input.purchase_order_id}`);
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 });
  const plan = planReceiptStep(input);
  applyStockMovementsStep(
    transform({ plan, input }, ({ plan, input }) => ({
      movements: plan.lines.map((l) => ({
        inventory_item_id: l.inventory_item_id, location_id: plan.location_id, quantity_delta: l.quantity, kind: "receipt" as const,
        unit_cost_sen: l.unit_cost_sen, reference_type: "purchase_order", reference_id: plan.po_id, actor_id: input.received_by,
        note: input.note ?? `Received on ${plan.po_number}`,
      })),
    })),
  );
  updateRecordsStep(
    transform({ plan }, ({ plan }) => ({ entity: "PurchaseOrderLine" as const, data: plan.lines.map((l) => ({ id: l.line_id, quantity_received: l.quantity_received_after })) })),
  ).config({ name: "update-received-lines" });
  updateRecordsStep(
    transform({ plan }, ({ plan }) => ({
      entity: "PurchaseOrder" as const,
      data: [{ id: plan.po_id, status: plan.status_after, ...(plan.status_after === "received" ? { received_at: new Date() } : {}) }],
    })),
  ).config({ name: "update-received-order" });
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ id: plan.po_id, status: plan.status_after })));
});
