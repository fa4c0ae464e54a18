import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { shopInventoryService } from "../../../workflows/steps/apply-ledger";
import { toLevelRow, type LevelRow } from "../../../domain/levels";
import { loadItemInfo, locationNames } from "../../../workflows/steps/item-info";

/** Every inventory level with its item's title / SKU / barcode, threshold and average cost. */
export async function loadLevelRows(container: MedusaContainer, itemIds?: string[]): Promise<LevelRow[]> {
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(itemIds ? { inventory_item_id: itemIds } : {}, {
    select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"],
  });
  const ids = [...new Set(levels.map((l) => l.inventory_item_id))];
  const [info, names, profiles] = await Promise.all([
    loadItemInfo(container, ids),
    locationNames(container),
    ids.length ? shopInventoryService(container).listItemStockProfiles({ inventory_item_id: ids }) : Promise.resolve([]),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.inventory_item_id, p]));
  return levels.map((l) => {
    const item = info.get(l.inventory_item_id);
    const profile = profileOf.get(l.inventory_item_id);
    return toLevelRow({
      inventory_item_id: l.inventory_item_id,
      location_id: l.location_id,
      location_name: names.get(l.location_id) ?? null,
      title: item?.title ?? l.inventory_item_id,
      sku: item?.sku ?? null,
      barcode: item?.barcode ?? null,
      on_hand: Number(l.stocked_quantity),
      reserved: Number(l.reserved_quantity),
      low_stock_threshold: profile?.low_stock_threshold === null || profile?.low_stock_threshold === undefined ? null : Number(profile.low_stock_threshold),
      average_cost_sen: Number(profile?.average_cost_sen ?? 0),
    });
  });
}
