import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { loadPurchaseOrderFor, purchaseOrderLineRows, type PurchaseOrderLineInput } from "./load-purchase-order";
import { createRecords, deleteRecords, listRecords, restoreRecords, softDeleteRecords, updateRecords } from "./records";

export interface UpdatePurchaseOrderInput {
  purchase_order_id: string;
  note?: string | null;
  expected_at?: string | null;
  lines?: PurchaseOrderLineInput[];
}

/** Edits a draft: note, expected date, and lines (replaced). Compensation restores the old lines and fields. */
export const updatePurchaseOrderDraftStep = createStep(
  "update-purchase-order-draft",
  async (input: UpdatePurchaseOrderInput, { container }) => {
    const po = await loadPurchaseOrderFor(container, input.purchase_order_id, "edit");
    const before = { id: po.id, note: po.note ?? null, expected_at: po.expected_at ?? null };
    const fields: Record<string, unknown> = {};
    if (input.note !== undefined) fields.note = input.note;
    if (input.expected_at !== undefined) fields.expected_at = input.expected_at ? new Date(input.expected_at) : null;
    const undo = { before, removed: [] as string[], added: [] as string[] };
    if (input.lines) {
      const rows = await purchaseOrderLineRows(container, input.lines);
      const old = await listRecords(container, "PurchaseOrderLine", { purchase_order_id: po.id });
      await softDeleteRecords(container, "PurchaseOrderLine", old.map((l) => l.id));
      undo.removed = old.map((l) => l.id);
      const added = await createRecords(container, "PurchaseOrderLine", rows.map((l) => ({ ...l, purchase_order_id: po.id })));
      undo.added = added.map((l) => l.id);
    }
    if (Object.keys(fields).length) await updateRecords(container, "PurchaseOrder", [{ id: po.id, ...fields }]);
    return new StepResponse({ id: po.id }, undo);
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.added.length) await deleteRecords(container, "PurchaseOrderLine", undo.added);
    if (undo.removed.length) await restoreRecords(container, "PurchaseOrderLine", undo.removed);
    await updateRecords(container, "PurchaseOrder", [undo.before]);
  },
);
