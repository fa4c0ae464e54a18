import { generateEntityId } from "@medusajs/framework/utils";
import { formatInvoiceNumber, shopYear, type RepairStatus, type ShopSettings } from "@voltura/domain";
import { moveStockedQuantity, rows, type Sql, type SqlTransaction } from "@voltura/medusa-kit";
import { takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import { LOW_STOCK_EVENT } from "@voltura/plugin-inventory/workflows";
import type { JobEffect } from "../../domain/job-outbox";
import type { RepairLineRecord } from "../../modules/repair-billing/types";
import { byCreation, totalsOf } from "../../domain/billing-totals";
import { recordRows } from "./record-rows";

const INVOICE_PREFIX = "INV";

/** A part line whose reservation still holds stock for the job. */
const isHeldPart = (l: RepairLineRecord) => l.kind === "part" && !!l.reservation_id && !!l.inventory_item_id && !!l.stock_location_id && !l.consumed_at;

export async function jobLines(db: Sql, jobId: string): Promise<RepairLineRecord[]> {
  return byCreation(await recordRows<RepairLineRecord>(db, `SELECT * FROM repair_line WHERE repair_job_id = ? AND deleted_at IS NULL`, [jobId]));
}

/** The inventory items whose stock a move of the job to `to` touches: the stock locks it needs. */
export function itemsMovedBy(lines: readonly RepairLineRecord[], to: RepairStatus): string[] {
  const touches = to === "completed" || to === "cancelled" || to === "returned_unrepaired";
  return touches ? lines.filter(isHeldPart).map((l) => l.inventory_item_id!) : [];
}

/**
 * Soft-deletes reservations as Medusa's inventory module does (the level's reserved quantity goes
 * down by the reservation's quantity), on levels locked in id order.
 */
async function releaseReservations(trx: SqlTransaction, lines: readonly RepairLineRecord[]): Promise<void> {
  if (!lines.length) return;
  await trx.raw(`SELECT id FROM inventory_level WHERE inventory_item_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
    [lines.map((l) => l.inventory_item_id!)]);
  const released = await rows(trx,
    `UPDATE reservation_item SET deleted_at = now(), updated_at = now() WHERE id = ANY(?::text[]) AND deleted_at IS NULL
     RETURNING inventory_item_id, location_id, quantity::float8 AS quantity`, [lines.map((l) => l.reservation_id!)]);
  for (const r of released) {
    await trx.raw(
      `UPDATE inventory_level SET reserved_quantity = reserved_quantity - ?,
         raw_reserved_quantity = jsonb_build_object('value', (reserved_quantity - ?)::text, 'precision', 20), updated_at = now()
       WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
      [r.quantity, r.quantity, r.inventory_item_id, r.location_id]);
  }
}

/**
 * Installed parts leave stock as the ledger books them: reservation released, on-hand down, one
 * `repair_consumption` movement per line referenced to the job, the line marked consumed. Low-stock
 * crossings come back as events for the outbox.
 */
async function consumeParts(trx: SqlTransaction, job: { id: string; job_number: string }, lines: readonly RepairLineRecord[], actor: string): Promise<JobEffect[]> {
  if (!lines.length) return [];
  await releaseReservations(trx, lines);
  const itemIds = [...new Set(lines.map((l) => l.inventory_item_id!))];
  const before = await rows(trx,
    `SELECT l.inventory_item_id, l.location_id, l.stocked_quantity::float8 AS stocked, p.low_stock_threshold AS threshold FROM inventory_level l
       LEFT JOIN item_stock_profile p ON p.inventory_item_id = l.inventory_item_id AND p.deleted_at IS NULL
      WHERE l.inventory_item_id = ANY(?::text[]) AND l.deleted_at IS NULL`, [itemIds]);
  for (const l of lines) await moveStockedQuantity(trx, l.inventory_item_id!, l.stock_location_id!, -Number(l.quantity));
  await trx("stock_movement").insert(lines.map((l) => ({
    id: generateEntityId(undefined, "smov"), inventory_item_id: l.inventory_item_id!, location_id: l.stock_location_id!, quantity_delta: -Number(l.quantity),
    kind: "repair_consumption", unit_cost_sen: null, reference_type: "repair_job", reference_id: job.id, actor_id: actor, reason: null,
    note: `Used in repair ${job.job_number}`,
  })));
  await trx.raw(`UPDATE repair_line SET consumed_at = now(), updated_at = now() WHERE id = ANY(?::text[])`, [lines.map((l) => l.id)]);
  return before.flatMap((b) => {
    const used = lines.filter((l) => l.inventory_item_id === b.inventory_item_id && l.stock_location_id === b.location_id).reduce((s, l) => s + Number(l.quantity), 0);
    const threshold = b.threshold === null || b.threshold === undefined ? null : Number(b.threshold);
    const onHand = Number(b.stocked);
    const crossed = used > 0 && threshold !== null && onHand > threshold && onHand - used <= threshold;
    return crossed ? [{ id: generateEntityId(undefined, "jeff"), kind: "event" as const, name: LOW_STOCK_EVENT,
      data: { inventory_item_id: b.inventory_item_id, location_id: b.location_id, on_hand: onHand - used, threshold } }] : [];
  });
}

/**
 * The invoice of a first completion with lines: totals fixed now, `INV-YYYY-NNNNNN` taken from the
 * shared series inside the transaction (a rollback gives it back). Its Medusa order follows from the outbox.
 */
async function raiseInvoice(trx: SqlTransaction, job: { id: string; deposit_sen: number }, lines: readonly RepairLineRecord[], settings: ShopSettings, issuedBy: string): Promise<JobEffect | null> {
  if (!lines.length) return null;
  const [existing] = await rows(trx, `SELECT id FROM repair_invoice WHERE repair_job_id = ? AND deleted_at IS NULL`, [job.id]);
  if (existing) return null;
  const now = new Date();
  const year = shopYear(now);
  const sequence = await takeNextNumber(trx, `${INVOICE_PREFIX}-${year}`);
  const totals = totalsOf(lines, settings, Number(job.deposit_sen));
  const id = generateEntityId(undefined, "rinv");
  await trx("repair_invoice").insert({
    id, repair_job_id: job.id, invoice_number: formatInvoiceNumber(year, sequence, INVOICE_PREFIX), order_id: null,
    subtotal_sen: totals.subtotal_sen, sst_sen: totals.sst_sen, total_sen: totals.total_sen, deposit_sen: totals.deposit_applied_sen,
    amount_due_sen: totals.amount_due_sen, sst_rate_bp: settings.tax.exempt ? 0 : settings.tax.sst_rate_bp,
    prices_include_tax: settings.tax.prices_include_tax, issued_at: now, issued_by: issuedBy,
  });
  return { id: generateEntityId(undefined, "jeff"), kind: "invoice_order", invoice_id: id, completed_by: issuedBy };
}

/**
 * Billing's side of a status move, inside the move's transaction (the caller holds the stock locks
 * of `itemsMovedBy`): Completed consumes the reserved parts and raises the invoice; Cancelled /
 * Returned Unrepaired release the reserved parts. Returns the effects it leaves for the outbox.
 */
export async function applyStatusBilling(
  trx: SqlTransaction, job: { id: string; job_number: string; deposit_sen: number }, to: RepairStatus, settings: ShopSettings, actor: string,
): Promise<JobEffect[]> {
  const lines = await jobLines(trx, job.id);
  const held = lines.filter(isHeldPart);
  if (to === "completed") {
    const lowStock = await consumeParts(trx, job, held, actor);
    const invoice = await raiseInvoice(trx, job, lines, settings, actor);
    return [...(invoice ? [invoice] : []), ...lowStock];
  }
  if (to === "cancelled" || to === "returned_unrepaired") await releaseReservations(trx, held);
  return [];
}
