import type { CommerceClient } from "@voltura/medusa-client";
import { inventoryApi } from "./inventory";

export interface ItemChoice {
  id: string;
  label: string;
}

/** Stocked items for pickers (title and SKU), one per inventory item, by title. */
export async function itemChoices(commerce: CommerceClient): Promise<ItemChoice[]> {
  const { levels } = await inventoryApi(commerce).listLevels({ limit: 500 });
  const seen = new Map<string, ItemChoice>();
  for (const l of levels) if (!seen.has(l.inventory_item_id)) seen.set(l.inventory_item_id, { id: l.inventory_item_id, label: l.sku ? `${l.title} (${l.sku})` : l.title });
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}
