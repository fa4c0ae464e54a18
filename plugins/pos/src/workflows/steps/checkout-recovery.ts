import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { rows, sqlConnection, withStockLocks } from "@voltura/medusa-kit";
import { CHECKOUT_LEASE_MS, recoveryAction, type CheckoutClaimStatus } from "@voltura/pos-rules";
import { finishCheckoutOutbox, takeOutboxLease } from "./checkout-outbox";
import { saleMovementTotals, undoClaimLeftovers } from "./sql";

export interface CheckoutRecoveryReport {
  finished: string[];
  abandoned: string[];
  failed: Array<{ sale_id: string; error: string }>;
}

/**
 * Removes a pending claim of the earlier step-by-step checkout whose holder died: under a lease,
 * its order (if it got that far) is deleted, then in one transaction its stock movements are put
 * back and its rows removed. The key is free again afterwards. False if someone else holds it.
 */
export async function abandonDeadClaim(container: MedusaContainer, saleId: string): Promise<boolean> {
  const db = sqlConnection(container);
  const leased = await rows(db,
    `UPDATE pos_sale SET lease_until = now() + ?::int * interval '1 millisecond', updated_at = now()
      WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
        AND COALESCE(lease_until, created_at + ?::int * interval '1 millisecond') <= now() RETURNING id`,
    [CHECKOUT_LEASE_MS, saleId, CHECKOUT_LEASE_MS]);
  if (!leased.length) return false;
  const orders = await rows(db, `SELECT id FROM "order" WHERE metadata->>'pos_sale_id' = ? AND deleted_at IS NULL`, [saleId]);
  if (orders.length) await container.resolve(Modules.ORDER).deleteOrders(orders.map((o) => String(o.id)));
  const items = (await saleMovementTotals(db, saleId)).map((t) => t.inventory_item_id);
  await withStockLocks(container, items, () => db.transaction(async (trx) => {
    const [row] = await rows(trx, `SELECT id FROM pos_sale WHERE id = ? AND status = 'pending' FOR UPDATE`, [saleId]);
    if (!row) return;
    await undoClaimLeftovers(trx, saleId);
    await trx.raw(`DELETE FROM pos_sale WHERE id = ?`, [saleId]);
  }));
  return true;
}

/**
 * Finishes every committed sale whose outbox nobody holds (the order, link, customer and event a
 * crash interrupted) and removes dead pending claims. Each claim is taken under its lease, so two
 * instances running this at once never work on the same sale together. Runs at start-up and every
 * minute (job `pos-checkout-recovery`), and on demand (`POST /admin/pos/checkout/recover`).
 */
export async function recoverPosCheckouts(container: MedusaContainer, limit = 200): Promise<CheckoutRecoveryReport> {
  const report: CheckoutRecoveryReport = { finished: [], abandoned: [], failed: [] };
  const claims = await rows(sqlConnection(container),
    `SELECT id, status, lease_until, created_at FROM pos_sale WHERE status <> 'completed' AND deleted_at IS NULL ORDER BY created_at LIMIT ?`, [limit]);
  const now = new Date();
  for (const claim of claims) {
    const id = String(claim.id);
    const action = recoveryAction({ status: claim.status as CheckoutClaimStatus, lease_until: (claim.lease_until as Date | null) ?? null, created_at: claim.created_at as Date }, now);
    try {
      if (action === "finish_outbox" && (await takeOutboxLease(container, id)) && (await finishCheckoutOutbox(container, id))) report.finished.push(id);
      if (action === "abandon" && (await abandonDeadClaim(container, id))) report.abandoned.push(id);
    } catch (err) {
      report.failed.push({ sale_id: id, error: (err as Error).message });
    }
  }
  if (report.finished.length || report.abandoned.length || report.failed.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(
      `POS checkout recovery: ${report.finished.length} finished, ${report.abandoned.length} abandoned, ${report.failed.length} failed`);
  }
  return report;
}
