import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { shopInventoryService } from "./apply-ledger";
import { deleteRecords } from "./records";

export interface AdoptExistingStockInput {
  actor_id: string;
  /** Opening unit cost per inventory item (sen), for the average cost. */
  unit_costs_sen?: Record<string, number>;
}

/**
 * Brings stock that is already on Medusa's shelves (set before the ledger existed) into the ledger:
 * each level whose stocked quantity exceeds its ledger sum gets an `opening` row for the difference.
 * Medusa's quantities do not change; afterwards on-hand == sum(ledger). Compensation removes the rows.
 */
export const adoptExistingStockStep = createStep(
  "adopt-existing-stock",
  async (input: AdoptExistingStockInput, { container }) => {
    const service = shopInventoryService(container);
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({}, { select: ["inventory_item_id", "location_id", "stocked_quantity"] });
    const sums = await service.ledgerSums();
    const rows = levels.flatMap((l) => {
      const sum = sums.find((s) => s.inventory_item_id === l.inventory_item_id && s.location_id === l.location_id)?.ledger_quantity ?? 0;
      const missing = Number(l.stocked_quantity) - sum;
      return missing > 0
        ? [{ inventory_item_id: l.inventory_item_id, location_id: l.location_id, quantity_delta: missing, kind: "opening" as const,
            unit_cost_sen: input.unit_costs_sen?.[l.inventory_item_id] ?? null, actor_id: input.actor_id, reference_type: "opening", note: "Opening stock (already on the shelf)" }]
        : [];
    });
    if (!rows.length) return new StepResponse({ adopted: 0 }, { movement_ids: [] as string[], profile_ids: [] as string[] });
    const created = await service.createStockMovements(rows);
    const costed = [...new Set(rows.filter((r) => r.unit_cost_sen !== null).map((r) => r.inventory_item_id))];
    const existing = costed.length ? await service.listItemStockProfiles({ inventory_item_id: costed }) : [];
    const fresh = costed.filter((id) => !existing.some((p) => p.inventory_item_id === id));
    const profiles = fresh.length
      ? await service.createItemStockProfiles(fresh.map((id) => ({ inventory_item_id: id, average_cost_sen: input.unit_costs_sen![id]! })))
      : [];
    return new StepResponse({ adopted: created.length }, { movement_ids: created.map((m) => m.id), profile_ids: profiles.map((p) => p.id) });
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.movement_ids.length) await shopInventoryService(container).deleteStockMovements(undo.movement_ids);
    if (undo.profile_ids.length) await deleteRecords(container, "ItemStockProfile", undo.profile_ids);
  },
);
