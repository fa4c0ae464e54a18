import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { shopYear } from "@voltura/domain";
import { CHECKOUT_LEASE_MS, formatDocumentNumber, leaseExpired, planSaleStock } from "@voltura/pos-rules";
import { lockStockLevels, moveStockedQuantity, rows, sqlConnection, withStockLocks, type SqlTransaction } from "@voltura/medusa-kit";
import { takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import type { CheckoutOutbox } from "./checkout-outbox";
import { RECEIPT_SERIES } from "./context";
import { posConflict } from "./errors";
import { buildSaleOrderInput, type CheckoutPlan } from "./plan";
import { undoClaimLeftovers } from "./sql";

export interface CheckoutClaimKey {
  idempotency_key: string;
  request_hash: string;
}

export type CommitOutcome = { committed: true; sale_id: string; receipt_number: string } | { committed: false };

/** Items whose stock the sale (or a dead claim under its key) touches: the locks it needs. */
async function itemsToLock(container: MedusaContainer, plan: CheckoutPlan, key: string): Promise<string[]> {
  const leftovers = await rows(sqlConnection(container),
    `SELECT DISTINCT m.inventory_item_id FROM stock_movement m JOIN pos_sale s ON s.id = m.reference_id
      WHERE m.reference_type = 'pos_sale' AND s.idempotency_key = ? AND s.status = 'pending' AND s.deleted_at IS NULL AND m.deleted_at IS NULL`, [key]);
  return [...plan.lines.flatMap((l) => (l.inventory_item_id ? [l.inventory_item_id] : [])), ...leftovers.map((r) => String(r.inventory_item_id))];
}

/**
 * Takes over the key when a pending claim under it has outlived its lease (same request): its
 * leftovers are undone and the row removed, and the sale is written under the claim's id (so an
 * order the dead attempt made is found, and replaced, by the outbox). Otherwise the key is taken.
 */
async function claimKey(trx: SqlTransaction, plan: CheckoutPlan, key: CheckoutClaimKey): Promise<string | null> {
  const [existing] = await rows(trx,
    `SELECT id, status, request_hash, lease_until, created_at FROM pos_sale WHERE idempotency_key = ? AND deleted_at IS NULL FOR UPDATE`, [key.idempotency_key]);
  let saleId = plan.sale_id;
  if (existing) {
    const dead = existing.status === "pending" && existing.request_hash === key.request_hash
      && leaseExpired({ lease_until: existing.lease_until as Date | null, created_at: existing.created_at as Date }, new Date());
    if (!dead) return null;
    saleId = String(existing.id);
    await undoClaimLeftovers(trx, saleId);
    await trx.raw(`DELETE FROM pos_sale WHERE id = ?`, [saleId]);
  }
  const t = plan.totals;
  const s = plan.settlement;
  const inserted = await rows(trx,
    `INSERT INTO pos_sale (id, idempotency_key, request_hash, status, register_id, shift_id, customer_id, customer_phone, customer_name,
       subtotal_sen, line_discount_sen, promotion_discount_sen, cart_discount_sen, discount_sen, promo_codes, sst_sen, sst_by_rate, sst_included,
       total_sen, cash_rounding_sen, rounded_total_sen, tendered_sen, paid_sen, change_sen, balance_due_sen, refunded_sen, cashier_id, cashier_name,
       note, sold_at, lease_until, created_at, updated_at)
     VALUES (?, ?, ?, 'committed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, now(),
       now() + ?::int * interval '1 millisecond', now(), now())
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [saleId, key.idempotency_key, key.request_hash, plan.register_id, plan.shift_id, plan.customer?.id ?? null, plan.customer?.phone ?? null,
      plan.customer?.name ?? null, t.subtotal_sen, t.line_discount_sen, t.promotion_discount_sen, t.cart_discount_sen, t.discount_sen,
      JSON.stringify(plan.promo_codes), t.sst_sen, JSON.stringify(t.sst_by_rate), t.sst_included, t.total_sen, s.cash_rounding_adjustment_sen,
      s.rounded_total_sen, s.tendered_sen, s.paid_sen, s.change_sen, s.balance_due_sen, plan.cashier.id, plan.cashier.name, plan.note, CHECKOUT_LEASE_MS],
  );
  return inserted.length ? saleId : null;
}

async function writeSaleRows(trx: SqlTransaction, plan: CheckoutPlan): Promise<void> {
  await trx("pos_sale_line").insert(plan.lines.map((l) => ({
    id: generateEntityId(undefined, "psline"), sale_id: plan.sale_id, position: l.position, variant_id: l.variant_id, product_id: l.product_id || null,
    inventory_item_id: l.inventory_item_id, title: l.title, sku: l.sku, kind: l.kind, quantity: l.quantity, unit_price_sen: l.unit_price_sen,
    gross_sen: l.gross_sen, line_discount_sen: l.line_discount_sen, promotion_sen: l.promotion_sen, cart_discount_sen: l.cart_discount_sen,
    net_sen: l.net_sen, sst_rate_bp: l.sst_rate_bp, sst_sen: l.sst_sen, total_sen: l.total_sen, returned_quantity: 0, stock_override: l.stock_override,
  })));
  if (plan.payments.length) {
    await trx("pos_payment").insert(plan.payments.map((p) => ({
      id: generateEntityId(undefined, "ppay"), sale_id: plan.sale_id, stage: "checkout", method: p.method, amount_sen: p.amount_sen,
      tendered_sen: p.tendered_sen, change_sen: p.change_sen, cash_rounding_sen: p.cash_rounding_sen, reference: p.reference,
      shift_id: plan.shift_id, received_by: plan.cashier.name, received_at: new Date(),
    })));
  }
  if (plan.approvals.length && plan.approver) {
    const approver = plan.approver;
    await trx("pos_approval").insert(plan.approvals.map((a) => ({
      id: generateEntityId(undefined, "pappr"), sale_id: plan.sale_id, kind: a.kind, method: approver.method, approved_by: approver.id,
      approved_by_name: approver.name, requested_by: plan.cashier.name, detail: JSON.stringify(a.detail),
    })));
  }
}

/**
 * Stock leaves as the ledger would book it (one `sale` row per line, on-hand moved by the same
 * amount, no change to average cost), on levels locked in id order (a missing one made at 0). The
 * guard runs again on the locked levels: a concurrent sale of the last unit makes this one fail
 * with 409 and roll back.
 */
async function moveSaleStock(trx: SqlTransaction, plan: CheckoutPlan): Promise<CheckoutOutbox["low_stock"]> {
  const stocked = plan.lines.filter((l) => l.inventory_item_id);
  if (!stocked.length) return [];
  const itemIds = [...new Set(stocked.map((l) => l.inventory_item_id!))];
  const levels = await lockStockLevels(trx, itemIds, plan.location_id);
  const thresholds = await rows(trx,
    `SELECT inventory_item_id, low_stock_threshold FROM item_stock_profile WHERE inventory_item_id = ANY(?::text[]) AND deleted_at IS NULL`, [itemIds]);
  const stock = planSaleStock(
    stocked.map((l) => ({ inventory_item_id: l.inventory_item_id!, variant_id: l.variant_id, title: l.title, units: l.quantity * l.required_quantity, guarded: !l.stock_override })),
    levels.map((level) => {
      const threshold = thresholds.find((t) => t.inventory_item_id === level.inventory_item_id)?.low_stock_threshold;
      return { ...level, low_stock_threshold: threshold === null || threshold === undefined ? null : Number(threshold) };
    }),
  );
  if (stock.short.length) {
    throw posConflict("out_of_stock", `Out of stock: ${stock.short.map((s) => `${s.title} (${s.available} left, ${s.requested} wanted)`).join(", ")}. A manager can override.`, { items: stock.short });
  }
  for (const change of stock.changes) await moveStockedQuantity(trx, change.inventory_item_id, plan.location_id, change.delta);
  await trx("stock_movement").insert(stocked.map((l) => ({
    id: generateEntityId(undefined, "smov"), inventory_item_id: l.inventory_item_id!, location_id: plan.location_id,
    quantity_delta: -l.quantity * l.required_quantity, kind: "sale", unit_cost_sen: null, reference_type: "pos_sale", reference_id: plan.sale_id,
    actor_id: plan.cashier.id, reason: null, note: l.stock_override ? `Sold past stock, approved by ${plan.approver?.name ?? "a manager"}` : null,
  })));
  return stock.low_stock.map((l) => ({ ...l, location_id: plan.location_id }));
}

/**
 * Writes the whole sale in ONE transaction: the key's claim, the sale with its receipt number (the
 * series bumped in the same transaction, so a rollback gives the number back), lines, payments,
 * approvals, the stock ledger rows with the matching on-hand change, and the outbox of what lies
 * outside the database transaction. `committed: false` when the key already has a live sale.
 */
export async function commitCheckout(container: MedusaContainer, plan: CheckoutPlan, key: CheckoutClaimKey): Promise<CommitOutcome> {
  const items = await itemsToLock(container, plan, key.idempotency_key);
  return withStockLocks(container, items, () => sqlConnection(container).transaction(async (trx): Promise<CommitOutcome> => {
    const saleId = await claimKey(trx, plan, key);
    if (!saleId) return { committed: false };
    const sale: CheckoutPlan = { ...plan, sale_id: saleId };
    const year = shopYear(new Date());
    const sequence = await takeNextNumber(trx, `${RECEIPT_SERIES}-${year}`);
    const receiptNumber = formatDocumentNumber(RECEIPT_SERIES, year, sequence);
    await writeSaleRows(trx, sale);
    const lowStock = await moveSaleStock(trx, sale);
    const outbox: CheckoutOutbox = {
      order: buildSaleOrderInput(sale, receiptNumber, sale.customer?.id ?? null),
      new_customer: sale.customer?.create ? { phone: sale.customer.phone, name: sale.customer.name } : null,
      low_stock: lowStock,
      progress: {},
    };
    await trx.raw(`UPDATE pos_sale SET receipt_number = ?, outbox = ?::jsonb WHERE id = ?`, [receiptNumber, JSON.stringify(outbox), saleId]);
    return { committed: true, sale_id: saleId, receipt_number: receiptNumber };
  }));
}
