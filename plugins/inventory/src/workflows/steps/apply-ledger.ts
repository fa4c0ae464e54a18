import type { IInventoryService, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import { withStockLocks, type SqlRow } from "@voltura/medusa-kit";
import { SHOP_INVENTORY_MODULE } from "../../modules/shop-inventory/index";
import type ShopInventoryModuleService from "../../modules/shop-inventory/service";
import { averageCostAfter } from "../../domain/cost";
import { COSTED_KINDS, lowStockCrossings, netChanges, reversed, type LowStockEventData, type NetChange, type StockMovementRecordInput } from "../../domain/stock-movement";

export const LOW_STOCK_EVENT = "procurement.stock.low";
export type { LowStockEventData };

export interface StockMovementRow {
  id: string;
  inventory_item_id: string;
  location_id: string;
  quantity_delta: number;
  kind: string;
  unit_cost_sen: number | null;
  reference_type: string | null;
  reference_id: string | null;
  actor_id: string | null;
  reason: string | null;
  note: string | null;
  created_at: Date | string;
}

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A `stock_movement` row read with SQL, as the typed row the ledger answers with. */
export function stockMovementRowOf(row: SqlRow): StockMovementRow {
  return {
    id: String(row.id), inventory_item_id: String(row.inventory_item_id), location_id: String(row.location_id), quantity_delta: Number(row.quantity_delta),
    kind: String(row.kind), unit_cost_sen: row.unit_cost_sen === null || row.unit_cost_sen === undefined ? null : Number(row.unit_cost_sen),
    reference_type: textOrNull(row.reference_type), reference_id: textOrNull(row.reference_id), actor_id: textOrNull(row.actor_id),
    reason: textOrNull(row.reason), note: textOrNull(row.note), created_at: row.created_at instanceof Date ? row.created_at : String(row.created_at),
  };
}

/** What it takes to undo one application: the rows, the stock change and the costs before it. */
export interface AppliedStockMovements {
  movement_ids: string[];
  net: NetChange[];
  costs_before: Array<{ inventory_item_id: string; profile_id: string | null; average_cost_sen: number }>;
}

export const shopInventoryService = (container: MedusaContainer) => container.resolve<ShopInventoryModuleService>(SHOP_INVENTORY_MODULE);

async function levelsOf(inventory: IInventoryService, itemIds: string[]) {
  const levels = await inventory.listInventoryLevels({ inventory_item_id: [...new Set(itemIds)] }, { select: ["id", "inventory_item_id", "location_id", "stocked_quantity"] });
  return levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) }));
}

/** New weighted average costs for the costed movements, replayed in order over the on-hand before. */
async function plannedCosts(service: ShopInventoryModuleService, movements: readonly StockMovementRecordInput[], onHandByItem: Map<string, number>) {
  const costed = movements.filter((m) => COSTED_KINDS.has(m.kind) && m.unit_cost_sen !== null && m.unit_cost_sen !== undefined);
  if (!costed.length) return { before: [] as AppliedStockMovements["costs_before"], after: new Map<string, number>() };
  const ids = [...new Set(costed.map((m) => m.inventory_item_id))];
  const profiles = await service.listItemStockProfiles({ inventory_item_id: ids });
  const before = ids.map((id) => {
    const p = profiles.find((x) => x.inventory_item_id === id);
    return { inventory_item_id: id, profile_id: p?.id ?? null, average_cost_sen: Number(p?.average_cost_sen ?? 0) };
  });
  const after = new Map(before.map((b) => [
    b.inventory_item_id,
    averageCostAfter(onHandByItem.get(b.inventory_item_id) ?? 0, b.average_cost_sen, costed.filter((m) => m.inventory_item_id === b.inventory_item_id).map((m) => ({ quantity: m.quantity_delta, unit_cost_sen: m.unit_cost_sen! }))),
  ]));
  return { before, after };
}

async function writeCosts(service: ShopInventoryModuleService, costs: Array<{ inventory_item_id: string; profile_id: string | null; average_cost_sen: number }>) {
  const updates = costs.filter((c) => c.profile_id).map((c) => ({ id: c.profile_id!, average_cost_sen: c.average_cost_sen }));
  const creates = costs.filter((c) => !c.profile_id).map((c) => ({ inventory_item_id: c.inventory_item_id, average_cost_sen: c.average_cost_sen }));
  if (updates.length) await service.updateItemStockProfiles(updates);
  if (creates.length) await service.createItemStockProfiles(creates);
}

/**
 * Emits `procurement.stock.low` for each crossing, best effort: the alert must never fail (and so
 * half-undo) a stock change that is already booked, so a failure is only logged.
 */
export async function announceLowStock(container: MedusaContainer, crossings: readonly LowStockEventData[]): Promise<void> {
  if (!crossings.length) return;
  try {
    await container.resolve(Modules.EVENT_BUS).emit(crossings.map((data) => ({ name: LOW_STOCK_EVENT, data })));
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Low-stock alert not sent: ${(error as Error).message}`);
  }
}

/**
 * Emits `procurement.stock.changed` naming the items whose stock moved, once the change is committed,
 * so consoles showing them refresh (live updates). Best effort, as the low-stock alert.
 */
export async function announceStockChange(container: MedusaContainer, itemIds: readonly string[]): Promise<void> {
  const ids = [...new Set(itemIds)];
  if (!ids.length) return;
  try {
    await container.resolve(Modules.EVENT_BUS).emit({ name: LIVE_EVENTS.stockChanged, data: { item_ids: ids } });
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Stock change not announced: ${(error as Error).message}`);
  }
}

/**
 * Changes Medusa's stocked quantities and appends the ledger rows, under a lock per inventory item.
 * A missing inventory level is created at 0 first. Receipts and opening stock with a unit cost move
 * the weighted average cost. If the ledger write fails, the stock change is undone before rethrowing.
 */
export async function applyStockMovements(container: MedusaContainer, movements: readonly StockMovementRecordInput[]): Promise<{ rows: StockMovementRow[]; applied: AppliedStockMovements }> {
  if (!movements.length) return { rows: [], applied: { movement_ids: [], net: [], costs_before: [] } };
  const inventory = container.resolve(Modules.INVENTORY);
  const service = shopInventoryService(container);
  const itemIds = movements.map((m) => m.inventory_item_id);
  return withStockLocks(container, itemIds, async () => {
    const levels = await levelsOf(inventory, itemIds);
    const net = netChanges(movements);
    const missing = net.filter((n) => !levels.some((l) => l.inventory_item_id === n.inventory_item_id && l.location_id === n.location_id));
    if (missing.length) await inventory.createInventoryLevels(missing.map((n) => ({ inventory_item_id: n.inventory_item_id, location_id: n.location_id, stocked_quantity: 0 })));
    const onHandByItem = new Map<string, number>();
    for (const l of levels) onHandByItem.set(l.inventory_item_id, (onHandByItem.get(l.inventory_item_id) ?? 0) + Math.max(0, l.stocked_quantity));
    const costs = await plannedCosts(service, movements, onHandByItem);

    if (net.length) await inventory.adjustInventory(net.map((n) => ({ inventoryItemId: n.inventory_item_id, locationId: n.location_id, adjustment: n.quantity_delta })));
    let rows: StockMovementRow[];
    try {
      rows = await service.createStockMovements(movements.map((m) => ({ ...m })));
      await writeCosts(service, costs.before.map((b) => ({ ...b, average_cost_sen: costs.after.get(b.inventory_item_id)! })));
    } catch (error) {
      if (net.length) await inventory.adjustInventory(reversed(net).map((n) => ({ inventoryItemId: n.inventory_item_id, locationId: n.location_id, adjustment: n.quantity_delta })));
      throw error;
    }
    await lowStockAfter(service, levels, net).then((c) => announceLowStock(container, c)).catch((e: Error) =>
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Low-stock check failed: ${e.message}`));
    await announceStockChange(container, net.map((n) => n.inventory_item_id));
    return { rows, applied: { movement_ids: rows.map((r) => r.id), net, costs_before: costs.before } };
  });
}

async function lowStockAfter(service: ShopInventoryModuleService, levels: Array<{ inventory_item_id: string; location_id: string; stocked_quantity: number }>, net: NetChange[]): Promise<LowStockEventData[]> {
  const falling = net.filter((n) => n.quantity_delta < 0);
  if (!falling.length) return [];
  const profiles = await service.listItemStockProfiles({ inventory_item_id: [...new Set(falling.map((n) => n.inventory_item_id))] });
  return lowStockCrossings(levels, falling, new Map(profiles.map((p) => [p.inventory_item_id, p.low_stock_threshold === null ? null : Number(p.low_stock_threshold)])));
}

/** Undoes an application: stock goes back, the rows it appended go, average costs return. */
export async function undoStockMovements(container: MedusaContainer, applied: AppliedStockMovements): Promise<void> {
  const inventory = container.resolve(Modules.INVENTORY);
  const service = shopInventoryService(container);
  await withStockLocks(container, applied.net.map((n) => n.inventory_item_id), async () => {
    if (applied.net.length) await inventory.adjustInventory(reversed(applied.net).map((n) => ({ inventoryItemId: n.inventory_item_id, locationId: n.location_id, adjustment: n.quantity_delta })));
    if (applied.movement_ids.length) await service.deleteStockMovements(applied.movement_ids);
    const restorable = applied.costs_before;
    if (restorable.length) {
      const profiles = await service.listItemStockProfiles({ inventory_item_id: restorable.map((c) => c.inventory_item_id) });
      await writeCosts(service, restorable.map((c) => ({ ...c, profile_id: profiles.find((p) => p.inventory_item_id === c.inventory_item_id)?.id ?? null })));
    }
  });
}

/**
 * Undoes movements known only by their ids (a caller that rolls back after its workflow finished,
 * e.g. a repair completion whose status change failed later). Costs are left as they are.
 */
export async function revertStockMovements(container: MedusaContainer, movementIds: string[]): Promise<void> {
  if (!movementIds.length) return;
  const rows = await shopInventoryService(container).listStockMovements({ id: movementIds });
  await undoStockMovements(container, { movement_ids: rows.map((r) => r.id), net: netChanges(rows.map((r) => ({ ...r, quantity_delta: Number(r.quantity_delta) }))), costs_before: [] });
}
