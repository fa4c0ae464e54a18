import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { purchaseOrderAllows, statusesAllowing, type PurchaseOrderAction, type PurchaseOrderStatus } from "../../domain/purchase-order";
import { assertItemsExist } from "./item-info";
import { listRecords } from "./records";

export interface PurchaseOrderLineInput {
  inventory_item_id: string;
  quantity: number;
  unit_cost_sen: number;
}

/** 409 naming the allowed statuses when the action does not fit the order's status. */
export function assertPurchaseOrderAllows(po: Readonly<Record<string, unknown>>, action: PurchaseOrderAction): void {
  const status = po.status as PurchaseOrderStatus;
  if (!purchaseOrderAllows(status, action)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Purchase order ${String(po.po_number)} is ${status}: ${action} needs ${statusesAllowing(action).join(" or ")}`);
  }
}

/** The order, 404 when unknown and 409 (naming the allowed statuses) when the action does not fit. Reads only. */
export async function loadPurchaseOrderFor(container: MedusaContainer, id: string, action: PurchaseOrderAction) {
  const [po] = await listRecords(container, "PurchaseOrder", { id });
  if (!po) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${id} not found`);
  assertPurchaseOrderAllows(po, action);
  return po;
}

/** Line rows to store, with each item's title and SKU; 400 naming unknown items. */
export async function purchaseOrderLineRows(container: MedusaContainer, lines: PurchaseOrderLineInput[]) {
  const info = await assertItemsExist(container, lines.map((l) => l.inventory_item_id), "lines.inventory_item_id");
  return lines.map((l) => {
    const item = info.get(l.inventory_item_id)!;
    return { inventory_item_id: l.inventory_item_id, title: item.title, sku: item.sku, quantity_ordered: l.quantity, unit_cost_sen: l.unit_cost_sen, quantity_received: 0 };
  });
}

/** The lock a receipt holds too, so a cancel cannot overwrite a delivery booked meanwhile. */
export const purchaseOrderLockKey = (id: string) => `purchase-order:${id}`;

export const checkPurchaseOrderActionStep = createStep("check-purchase-order-action", async (input: { purchase_order_id: string; action: PurchaseOrderAction }, { container }) => {
  const po = await loadPurchaseOrderFor(container, input.purchase_order_id, input.action);
  return new StepResponse({ id: po.id, status: po.status as PurchaseOrderStatus });
});
