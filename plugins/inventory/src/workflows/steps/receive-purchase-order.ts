import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { rows, sqlConnection, withStockLocks, type Sql, type SqlRow } from "@voltura/medusa-kit";
import { announceStockChange } from "./apply-ledger";
import { bookStockMovements } from "./book-stock-movements";
import { planReceipt, type PurchaseOrderStatus, type ReceiptRequestLine } from "../../domain/purchase-order";
import { isUniqueViolation, replayOrRefuse, requestHash, withDocumentLock } from "./idempotency";
import { assertPurchaseOrderAllows, purchaseOrderLockKey } from "./load-purchase-order";

export interface ReceivePurchaseOrderInput {
  purchase_order_id: string;
  lines: ReceiptRequestLine[];
  received_by: string;
  note?: string | null;
  /** The same key with the same body answers the one receipt; with another body, 409. */
  idempotency_key?: string | null;
}

export interface ReceivePurchaseOrderResult {
  purchase_order_id: string;
  receipt_id: string;
  replayed: boolean;
}

const KEY_INDEX = "IDX_purchase_order_receipt_idempotency_key_unique";

async function receiptWithKey(db: Sql, key: string): Promise<SqlRow | undefined> {
  const [row] = await rows(db, `SELECT id, purchase_order_id, request_hash FROM purchase_order_receipt WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return row;
}

const replayed = (row: SqlRow): ReceivePurchaseOrderResult => ({ purchase_order_id: String(row.purchase_order_id), receipt_id: String(row.id), replayed: true });

/**
 * Books a (partial) delivery in ONE transaction: the receipt row (with its key), stock in through
 * the ledger as `receipt` at the order's unit cost (moving the weighted average cost), the lines'
 * received quantities and the order's status (partially_received or received). The order row is
 * locked FOR UPDATE first, so two deliveries that together exceed what is outstanding cannot both
 * be booked: the later one sees the first and gets 400. A replayed key answers the first receipt.
 */
export async function receivePurchaseOrder(container: MedusaContainer, input: ReceivePurchaseOrderInput): Promise<ReceivePurchaseOrderResult> {
  const key = input.idempotency_key ?? null;
  const hash = requestHash({ purchase_order_id: input.purchase_order_id, lines: input.lines, note: input.note ?? null });
  const db = sqlConnection(container);
  const stored = key ? await receiptWithKey(db, key) : undefined;
  if (stored) return replayOrRefuse(stored, hash, () => replayed(stored));

  // An order's lines change only while it is a draft, which cannot be received: these are the items to lock.
  const items = await rows(db, `SELECT DISTINCT inventory_item_id FROM purchase_order_line WHERE purchase_order_id = ? AND deleted_at IS NULL`, [input.purchase_order_id]);
  try {
    const outcome = await withDocumentLock(container, purchaseOrderLockKey(input.purchase_order_id), () =>
      withStockLocks(container, items.map((i) => String(i.inventory_item_id)), () => db.transaction(async (trx) => {
        const [po] = await rows(trx, `SELECT id, po_number, status, location_id FROM purchase_order WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.purchase_order_id]);
        if (!po) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${input.purchase_order_id} not found`);
        const first = key ? await receiptWithKey(trx, key) : undefined;
        if (first) return { replay: true, stored: first } as const;
        assertPurchaseOrderAllows(po, "receive");

        const lines = await rows(trx,
          `SELECT id, inventory_item_id, quantity_ordered, quantity_received, unit_cost_sen FROM purchase_order_line
            WHERE purchase_order_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [po.id]);
        const plan = planReceipt(lines.map((l) => ({
          id: String(l.id), inventory_item_id: String(l.inventory_item_id), quantity_ordered: Number(l.quantity_ordered),
          quantity_received: Number(l.quantity_received), unit_cost_sen: Number(l.unit_cost_sen),
        })), input.lines);
        if (!plan.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, plan.message);

        const receiptId = generateEntityId(undefined, "porc");
        await trx("purchase_order_receipt").insert({
          id: receiptId, purchase_order_id: po.id, idempotency_key: key, request_hash: hash, lines: JSON.stringify(input.lines), note: input.note ?? null, received_by: input.received_by,
        });
        await bookStockMovements(trx, plan.lines.map((l) => ({
          inventory_item_id: l.inventory_item_id, location_id: String(po.location_id), quantity_delta: l.quantity, kind: "receipt" as const,
          unit_cost_sen: l.unit_cost_sen, reference_type: "purchase_order", reference_id: String(po.id), actor_id: input.received_by,
          note: input.note ?? `Received on ${String(po.po_number)}`,
        })));
        for (const l of plan.lines) {
          await trx.raw(`UPDATE purchase_order_line SET quantity_received = ?, updated_at = now() WHERE id = ?`, [l.quantity_received_after, l.line_id]);
        }
        const status: PurchaseOrderStatus = plan.status_after;
        await trx.raw(
          `UPDATE purchase_order SET status = ?, received_at = CASE WHEN ? THEN now() ELSE received_at END, updated_at = now() WHERE id = ?`,
          [status, status === "received", po.id]);
        return { replay: false, receipt_id: receiptId, item_ids: plan.lines.map((l) => l.inventory_item_id) } as const;
      })));
    if (outcome.replay) return replayOrRefuse(outcome.stored, hash, () => replayed(outcome.stored));
    await announceStockChange(container, outcome.item_ids);
    return { purchase_order_id: input.purchase_order_id, receipt_id: outcome.receipt_id, replayed: false };
  } catch (error) {
    const winner = key && isUniqueViolation(error, KEY_INDEX) ? await receiptWithKey(db, key) : undefined;
    if (winner) return replayOrRefuse(winner, hash, () => replayed(winner));
    throw error;
  }
}
