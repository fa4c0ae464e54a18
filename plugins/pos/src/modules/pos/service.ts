import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import { PosApproval } from "./models/pos-approval";
import { PosPayment } from "./models/pos-payment";
import { PosReceiptSequence } from "./models/pos-receipt-sequence";
import { PosReturn } from "./models/pos-return";
import { PosSale } from "./models/pos-sale";
import { PosSaleLine } from "./models/pos-sale-line";
import { PosSetting } from "./models/pos-setting";
import { PosShift } from "./models/pos-shift";

class PosModuleService extends MedusaService({
  PosSale,
  PosSaleLine,
  PosPayment,
  PosReturn,
  PosApproval,
  PosShift,
  PosReceiptSequence,
  PosSetting,
}) {
  /**
   * Adds returned units to a line only while they fit (returned + units ≤ quantity): a conditional
   * update, so two returns racing for the last unit cannot both pass. False when they do not fit.
   */
  @InjectTransactionManager()
  async addReturnedQuantity(lineId: string, units: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = (await sharedContext.transactionManager!.execute(
      `UPDATE pos_sale_line SET returned_quantity = returned_quantity + ?, updated_at = now()
       WHERE id = ? AND returned_quantity + ? <= quantity AND deleted_at IS NULL RETURNING id`,
      [units, lineId, units],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Moves a sale's money columns by signed amounts in one statement (later payments, refunds, and their undo). */
  @InjectTransactionManager()
  async shiftSaleAmounts(
    saleId: string,
    delta: {
      paid_sen?: number; balance_due_sen?: number; refunded_sen?: number; tendered_sen?: number; change_sen?: number;
      cash_rounding_sen?: number; rounded_total_sen?: number;
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<void> {
    await sharedContext.transactionManager!.execute(
      `UPDATE pos_sale SET paid_sen = paid_sen + ?, balance_due_sen = balance_due_sen + ?, refunded_sen = refunded_sen + ?,
       tendered_sen = tendered_sen + ?, change_sen = change_sen + ?, cash_rounding_sen = cash_rounding_sen + ?,
       rounded_total_sen = rounded_total_sen + ?, updated_at = now() WHERE id = ?`,
      [delta.paid_sen ?? 0, delta.balance_due_sen ?? 0, delta.refunded_sen ?? 0, delta.tendered_sen ?? 0, delta.change_sen ?? 0,
        delta.cash_rounding_sen ?? 0, delta.rounded_total_sen ?? 0, saleId],
    );
  }
}

export default PosModuleService;
