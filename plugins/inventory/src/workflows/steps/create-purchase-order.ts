import type { MedusaContainer } from "@medusajs/framework/types";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { shopYear } from "@voltura/domain";
import { formatPurchaseOrderNumber } from "../../domain/purchase-order";
import { shopInventoryService } from "./apply-ledger";
import { resolveLocationId } from "./item-info";
import { purchaseOrderLineRows, type PurchaseOrderLineInput } from "./load-purchase-order";
import { createRecords, deleteRecords, listRecords } from "./records";

export interface CreatePurchaseOrderInput {
  supplier_id: string;
  location_id?: string;
  note?: string | null;
  expected_at?: string | null;
  created_by: string;
  lines: PurchaseOrderLineInput[];
}

/** Takes PO-YYYY-NNNNNN, stores the draft and its lines; compensation deletes them and gives the number back. */
export const createPurchaseOrderStep = createStep(
  "create-purchase-order",
  async (input: CreatePurchaseOrderInput, { container }) => {
    const location_id = await resolveLocationId(container, input.location_id);
    const lines = await purchaseOrderLineRows(container, input.lines);
    const service = shopInventoryService(container);
    const year = shopYear(new Date());
    const sequence = await service.allocatePurchaseOrderSequence(`PO-${year}`);
    const undo = { series: `PO-${year}`, sequence, po_id: null as string | null };
    try {
      const [po] = await createRecords(container, "PurchaseOrder", [{
        po_number: formatPurchaseOrderNumber(year, sequence), supplier_id: input.supplier_id, location_id,
        note: input.note ?? null, expected_at: input.expected_at ? new Date(input.expected_at) : null, created_by: input.created_by, status: "draft",
      }]);
      undo.po_id = po!.id;
      await createRecords(container, "PurchaseOrderLine", lines.map((l) => ({ ...l, purchase_order_id: po!.id })));
      return new StepResponse({ id: po!.id }, undo);
    } catch (error) {
      await undoCreate(container, undo);
      throw error;
    }
  },
  async (undo, { container }) => {
    if (undo) await undoCreate(container, undo);
  },
);

async function undoCreate(container: MedusaContainer, undo: { series: string; sequence: number; po_id: string | null }) {
  if (undo.po_id) {
    const lines = await listRecords(container, "PurchaseOrderLine", { purchase_order_id: undo.po_id });
    if (lines.length) await deleteRecords(container, "PurchaseOrderLine", lines.map((l) => l.id));
    await deleteRecords(container, "PurchaseOrder", [undo.po_id]);
  }
  await shopInventoryService(container).releasePurchaseOrderSequence(undo.series, undo.sequence);
}
