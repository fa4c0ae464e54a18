// What balance payments and returns share: each runs in one transaction that first locks the sale
// row, so two writes on one sale (two copies of one request, or an overpayment race) are decided
// one after the other, on the sale as the first left it.
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { rows, type SqlRow, type SqlTransaction } from "@voltura/medusa-kit";
import { saleChangeGate } from "@voltura/pos-rules";
import { finishCheckoutOutbox, takeOutboxLease } from "./checkout-outbox";
import { posConflict } from "./errors";

/** A sale whose checkout a crash left committed: finished now if nobody holds it, so a payment or return right after need not wait for the recovery job. */
export async function finishCheckoutIfAbandoned(container: MedusaContainer, saleId: string): Promise<void> {
  try {
    if (await takeOutboxLease(container, saleId)) await finishCheckoutOutbox(container, saleId);
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`POS sale ${saleId}: finishing its checkout before a change failed: ${(err as Error).message}`);
  }
}

/**
 * Locks the sale row FOR UPDATE and answers it. 404 when there is no such sale; 409
 * `sale_in_progress` (with retry_after_seconds) while its checkout is still committed: payments and
 * returns go on the sale's order, which is made when the checkout completes.
 */
export async function lockSaleForChange(trx: SqlTransaction, saleId: string): Promise<SqlRow> {
  const [sale] = await rows(trx, `SELECT * FROM pos_sale WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [saleId]);
  const gate = saleChangeGate(sale?.status as string | undefined);
  if (gate === "missing") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${saleId} was not found`);
  if (gate === "in_progress") {
    const leaseMs = sale!.lease_until ? new Date(sale!.lease_until as string).getTime() - Date.now() : 0;
    throw posConflict("sale_in_progress", `Sale ${String(sale!.receipt_number ?? saleId)} is still being completed; try again in a moment`, {
      sale_id: saleId, retry_after_seconds: Math.max(1, Math.ceil(leaseMs / 1000)),
    });
  }
  return sale!;
}

export function keyReused(what: string): MedusaError {
  return posConflict("idempotency_key_reused", `This idempotency_key was used for a different ${what}`, { field: "idempotency_key" });
}

/** The register's open shift, or null (payments and refunds are still taken without a shift). */
export async function openShiftId(trx: SqlTransaction, registerId: string): Promise<string | null> {
  const [shift] = await rows(trx, `SELECT id FROM pos_shift WHERE register_id = ? AND status = 'open' AND deleted_at IS NULL LIMIT 1`, [registerId]);
  return shift ? String(shift.id) : null;
}

const isKeyRace = (err: unknown) => (err as { code?: string })?.code === "23505" && /idempotency_key/.test(String((err as { constraint?: string }).constraint ?? (err as Error).message));

/**
 * Runs `attempt` (a whole transaction) again when it lost its idempotency key to a concurrent
 * request on another sale (unique violation, all rolled back): the second attempt finds the key.
 */
export async function retryOnKeyRace<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (err) {
    if (!isKeyRace(err)) throw err;
    return attempt();
  }
}
