import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { loadItemInfo, resolveLocationId } from "./item-info";
import { createRecords, deleteRecords, listRecords } from "./records";

/** Opens a session at a location with every item stocked there, expected = the stocked quantity now. */
export const openStockTakeStep = createStep(
  "open-stock-take",
  async (input: { location_id?: string; note?: string | null; created_by: string }, { container }) => {
    const location_id = await resolveLocationId(container, input.location_id);
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ location_id }, { select: ["inventory_item_id", "stocked_quantity"] });
    const info = await loadItemInfo(container, levels.map((l) => l.inventory_item_id));
    const [take] = await createRecords(container, "StockTake", [{ location_id, note: input.note ?? null, created_by: input.created_by, status: "open" }]);
    try {
      await createRecords(container, "StockTakeLine", levels.map((l) => {
        const item = info.get(l.inventory_item_id);
        return {
          stock_take_id: take!.id, inventory_item_id: l.inventory_item_id, title: item?.title ?? l.inventory_item_id, sku: item?.sku ?? null,
          barcode: item?.barcode ?? null, expected_quantity: Number(l.stocked_quantity), counted_quantity: null,
        };
      }));
    } catch (error) {
      await deleteRecords(container, "StockTake", [take!.id]);
      throw error;
    }
    return new StepResponse({ id: take!.id }, take!.id);
  },
  async (id, { container }) => {
    if (!id) return;
    const lines = await listRecords(container, "StockTakeLine", { stock_take_id: id });
    if (lines.length) await deleteRecords(container, "StockTakeLine", lines.map((l) => l.id));
    await deleteRecords(container, "StockTake", [id]);
  },
);

