import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { assertItemsExist } from "./item-info";
import { createRecords, deleteRecords, listRecords, updateRecords } from "./records";

export interface SupplierItemInput {
  supplier_id: string;
  inventory_item_id: string;
  supplier_sku: string | null;
  cost_sen: number;
  lead_time_days: number;
}

type SupplierItemUndo = { created: string | null; before: { id: string } & Record<string, unknown> | null };

/** Adds the item to the supplier's list, or updates its cost and lead time; compensation undoes either. */
export const upsertSupplierItemStep = createStep(
  "upsert-supplier-item",
  async (input: SupplierItemInput, { container }) => {
    await assertItemsExist(container, [input.inventory_item_id]);
    const [existing] = await listRecords(container, "SupplierItem", { supplier_id: input.supplier_id, inventory_item_id: input.inventory_item_id });
    const fields = { supplier_sku: input.supplier_sku, cost_sen: input.cost_sen, lead_time_days: input.lead_time_days };
    if (existing) {
      const before = { id: existing.id, supplier_sku: existing.supplier_sku ?? null, cost_sen: existing.cost_sen, lead_time_days: existing.lead_time_days };
      await updateRecords(container, "SupplierItem", [{ id: existing.id, ...fields }]);
      return new StepResponse<string, SupplierItemUndo>(existing.id, { created: null, before });
    }
    const [row] = await createRecords(container, "SupplierItem", [{ supplier_id: input.supplier_id, inventory_item_id: input.inventory_item_id, ...fields }]);
    return new StepResponse<string, SupplierItemUndo>(row!.id, { created: row!.id, before: null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.created) await deleteRecords(container, "SupplierItem", [undo.created]);
    if (undo.before) await updateRecords(container, "SupplierItem", [undo.before]);
  },
);
