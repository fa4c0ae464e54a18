export const PURCHASE_ORDER_STATUSES = ["draft", "sent", "partially_received", "received", "cancelled"] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export type PurchaseOrderAction = "edit" | "send" | "receive" | "cancel";

/** Which statuses allow each action. Sending again (a reprint) is allowed while nothing arrived. */
const ALLOWED: Record<PurchaseOrderAction, readonly PurchaseOrderStatus[]> = {
  edit: ["draft"],
  send: ["draft", "sent"],
  receive: ["sent", "partially_received"],
  cancel: ["draft", "sent"],
};

export function purchaseOrderAllows(status: PurchaseOrderStatus, action: PurchaseOrderAction): boolean {
  return ALLOWED[action].includes(status);
}

/** The statuses from which an action is allowed (for 409 messages). */
export function statusesAllowing(action: PurchaseOrderAction): readonly PurchaseOrderStatus[] {
  return ALLOWED[action];
}

export interface PurchaseOrderLineState {
  id: string;
  inventory_item_id: string;
  quantity_ordered: number;
  quantity_received: number;
  unit_cost_sen: number;
}

export interface ReceiptRequestLine {
  line_id: string;
  quantity: number;
}

export interface ReceiptLine {
  line_id: string;
  inventory_item_id: string;
  quantity: number;
  unit_cost_sen: number;
  quantity_received_after: number;
}

export type ReceiptPlan =
  | { ok: true; lines: ReceiptLine[]; status_after: "partially_received" | "received" }
  | { ok: false; field: string; message: string };

/**
 * What a delivery books: each requested line must belong to the order, be a positive whole number
 * and not exceed what is still outstanding. The order is received once every line is complete.
 */
export function planReceipt(lines: readonly PurchaseOrderLineState[], request: readonly ReceiptRequestLine[]): ReceiptPlan {
  if (!request.length) return { ok: false, field: "lines", message: "lines: receive at least one line" };
  const byId = new Map(lines.map((l) => [l.id, l]));
  const received = new Map(lines.map((l) => [l.id, l.quantity_received]));
  const out: ReceiptLine[] = [];
  for (const [i, r] of request.entries()) {
    const line = byId.get(r.line_id);
    if (!line) return { ok: false, field: `lines.${i}.line_id`, message: `lines.${i}.line_id: ${r.line_id} is not a line of this order` };
    if (!Number.isInteger(r.quantity) || r.quantity <= 0) return { ok: false, field: `lines.${i}.quantity`, message: `lines.${i}.quantity: must be a positive whole number` };
    const already = received.get(line.id)!;
    const outstanding = line.quantity_ordered - already;
    if (r.quantity > outstanding) {
      return { ok: false, field: `lines.${i}.quantity`, message: `lines.${i}.quantity: only ${outstanding} of ${line.quantity_ordered} still outstanding` };
    }
    received.set(line.id, already + r.quantity);
    out.push({ line_id: line.id, inventory_item_id: line.inventory_item_id, quantity: r.quantity, unit_cost_sen: line.unit_cost_sen, quantity_received_after: already + r.quantity });
  }
  const complete = lines.every((l) => received.get(l.id)! >= l.quantity_ordered);
  return { ok: true, lines: out, status_after: complete ? "received" : "partially_received" };
}

/** Order total in sen (ordered quantities × unit cost). */
export function purchaseOrderTotalSen(lines: readonly { quantity_ordered: number; unit_cost_sen: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity_ordered * l.unit_cost_sen, 0);
}

/** "PO-2026-000042" */
export function formatPurchaseOrderNumber(year: number, sequence: number): string {
  return `PO-${year}-${String(sequence).padStart(6, "0")}`;
}
