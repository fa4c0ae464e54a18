import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { shopInventoryService } from "./apply-ledger";
import { ledgerMismatches, type LedgerMismatch } from "../../domain/stock-movement";

export interface LedgerCheck {
  ok: boolean;
  levels_checked: number;
  mismatches: LedgerMismatch[];
}

/** Every inventory level compared with the sum of its ledger rows (the invariant tests assert). */
export async function ledgerCheck(container: MedusaContainer): Promise<LedgerCheck> {
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({}, { select: ["inventory_item_id", "location_id", "stocked_quantity"] });
  const sums = await shopInventoryService(container).ledgerSums();
  const mismatches = ledgerMismatches(
    levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) })),
    sums,
  );
  return { ok: mismatches.length === 0, levels_checked: levels.length, mismatches };
}
