import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { billingConflict } from "./billing-errors";

export interface PartReservationRequest {
  inventory_item_id: string;
  location_id: string;
  quantity: number;
  description: string;
  metadata: Record<string, unknown>;
}

/** A reservation and the stock it stands for, enough to release, consume or bring it back. */
export interface HeldReservation {
  reservation_id: string;
  inventory_item_id: string;
  location_id: string;
  quantity: number;
}

const unique = (ids: string[]) => Array.from(new Set(ids));

async function withItemLocks<T>(container: MedusaContainer, itemIds: string[], fn: () => Promise<T>): Promise<T> {
  if (!itemIds.length) return fn();
  return container.resolve(Modules.LOCKING).execute(unique(itemIds), fn);
}

/** The quantity that can still be reserved at the location (stocked − reserved), 0 when not stocked there. */
export async function availableAt(container: MedusaContainer, inventoryItemId: string, locationId: string): Promise<number> {
  const inventory = container.resolve(Modules.INVENTORY);
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId }, { take: 1 });
  if (!level) return 0;
  return Math.max(0, Number(level.stocked_quantity) - Number(level.reserved_quantity));
}

/**
 * Reserves a part at the location under a lock on the inventory item (as Medusa's own reserve step
 * does), so two technicians cannot both take the last screen. Refused with 409 and the available quantity.
 */
export async function reservePart(container: MedusaContainer, req: PartReservationRequest): Promise<HeldReservation> {
  const inventory = container.resolve(Modules.INVENTORY);
  return withItemLocks(container, [req.inventory_item_id], async () => {
    const available = await availableAt(container, req.inventory_item_id, req.location_id);
    if (available < req.quantity) {
      throw billingConflict(
        "insufficient_stock",
        `Not enough stock for quantity: ${available} available at the shop, ${req.quantity} requested`,
        { field: "quantity", available, requested: req.quantity, inventory_item_id: req.inventory_item_id },
      );
    }
    const reservation = await inventory.createReservationItems({
      inventory_item_id: req.inventory_item_id,
      location_id: req.location_id,
      quantity: req.quantity,
      description: req.description,
      metadata: req.metadata,
    });
    return { reservation_id: reservation.id, inventory_item_id: req.inventory_item_id, location_id: req.location_id, quantity: req.quantity };
  });
}

/** Releases reservations (soft delete: the reserved quantity goes back; restoreReservations undoes it). */
export async function releaseReservations(container: MedusaContainer, held: readonly HeldReservation[]): Promise<void> {
  if (!held.length) return;
  const inventory = container.resolve(Modules.INVENTORY);
  await withItemLocks(container, held.map((h) => h.inventory_item_id), () => inventory.softDeleteReservationItems(held.map((h) => h.reservation_id)));
}

export async function restoreReservations(container: MedusaContainer, held: readonly HeldReservation[]): Promise<void> {
  if (!held.length) return;
  const inventory = container.resolve(Modules.INVENTORY);
  await withItemLocks(container, held.map((h) => h.inventory_item_id), () => inventory.restoreReservationItems(held.map((h) => h.reservation_id)));
}

/** Hard-deletes reservations (compensation of a reservation that was just made). */
export async function deleteReservations(container: MedusaContainer, held: readonly HeldReservation[]): Promise<void> {
  if (!held.length) return;
  const inventory = container.resolve(Modules.INVENTORY);
  await withItemLocks(container, held.map((h) => h.inventory_item_id), () => inventory.deleteReservationItems(held.map((h) => h.reservation_id)));
}
