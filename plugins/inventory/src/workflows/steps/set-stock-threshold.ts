import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { assertItemsExist } from "./item-info";
import { createRecords, deleteRecords, listRecords, updateRecords } from "./records";

/** Sets (or clears) an item's low-stock threshold; compensation restores the old value. */
export const setThresholdStep = createStep(
  "set-low-stock-threshold",
  async (input: { inventory_item_id: string; low_stock_threshold: number | null }, { container }) => {
    await assertItemsExist(container, [input.inventory_item_id]);
    const [profile] = await listRecords(container, "ItemStockProfile", { inventory_item_id: input.inventory_item_id });
    if (profile) {
      await updateRecords(container, "ItemStockProfile", [{ id: profile.id, low_stock_threshold: input.low_stock_threshold }]);
      return new StepResponse(profile.id, { id: profile.id, created: false, before: (profile.low_stock_threshold ?? null) as number | null });
    }
    const [row] = await createRecords(container, "ItemStockProfile", [{ inventory_item_id: input.inventory_item_id, low_stock_threshold: input.low_stock_threshold }]);
    return new StepResponse(row!.id, { id: row!.id, created: true, before: null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.created) await deleteRecords(container, "ItemStockProfile", [undo.id]);
    else await updateRecords(container, "ItemStockProfile", [{ id: undo.id, low_stock_threshold: undo.before }]);
  },
);
