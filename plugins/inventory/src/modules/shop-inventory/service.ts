import type { Context } from "@medusajs/framework/types";
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { giveBackNumber, takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import { ItemStockProfile } from "./models/item-stock-profile";
import { PurchaseOrder } from "./models/purchase-order";
import { PurchaseOrderLine } from "./models/purchase-order-line";
import { PurchaseOrderReceipt } from "./models/purchase-order-receipt";
import { StockMovement } from "./models/stock-movement";
import { StockTake } from "./models/stock-take";
import { StockTakeLine } from "./models/stock-take-line";
import { Supplier } from "./models/supplier";
import { SupplierItem } from "./models/supplier-item";

export interface LedgerSum {
  inventory_item_id: string;
  location_id: string;
  ledger_quantity: number;
}

class ShopInventoryModuleService extends MedusaService({
  StockMovement,
  ItemStockProfile,
  Supplier,
  SupplierItem,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderReceipt,
  StockTake,
  StockTakeLine,
}) {
  /** The ledger summed per item and location (optionally only some items). */
  @InjectManager()
  async ledgerSums(inventoryItemIds?: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<LedgerSum[]> {
    const params: unknown[] = [];
    let where = "deleted_at IS NULL";
    if (inventoryItemIds) {
      if (!inventoryItemIds.length) return [];
      where += " AND inventory_item_id = ANY(?)";
      params.push(inventoryItemIds);
    }
    const rows: Array<{ inventory_item_id: string; location_id: string; total: string | number }> = await sharedContext.manager!.execute(
      `SELECT inventory_item_id, location_id, COALESCE(SUM(quantity_delta), 0) AS total
         FROM stock_movement WHERE ${where} GROUP BY inventory_item_id, location_id`,
      params,
    );
    return rows.map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id, ledger_quantity: Number(r.total) }));
  }

  /** On-hand at a location according to the ledger (equal to Medusa's stocked quantity by the invariant). */
  async onHand(inventoryItemId: string, locationId: string): Promise<number> {
    const sums = await this.ledgerSums([inventoryItemId]);
    return sums.find((s) => s.location_id === locationId)?.ledger_quantity ?? 0;
  }

  /** Weighted average cost per item in sen; 0 for an item that was never received with a cost. */
  async averageCostsSen(inventoryItemIds: string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = Object.fromEntries(inventoryItemIds.map((id) => [id, 0]));
    if (!inventoryItemIds.length) return out;
    const profiles = await this.listItemStockProfiles({ inventory_item_id: inventoryItemIds }, { select: ["inventory_item_id", "average_cost_sen"] });
    for (const p of profiles) out[p.inventory_item_id] = Number(p.average_cost_sen);
    return out;
  }

  @InjectTransactionManager()
  async allocatePurchaseOrderSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return takeNextNumber(sharedContext.transactionManager!, series);
  }

  @InjectTransactionManager()
  async releasePurchaseOrderSequence(series: string, value: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return giveBackNumber(sharedContext.transactionManager!, series, value);
  }
}

export default ShopInventoryModuleService;
