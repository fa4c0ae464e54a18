import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { parseInvoiceNumber } from "@voltura/domain";
import { REPAIR_BILLING_MODULE } from "../modules/repair-billing/index";
import { revertStockMovements } from "@voltura/plugin-procurement/workflows";
import { restoreReservations, type HeldReservation } from "./inventory";
import { billingService } from "./load-billing";

export interface CompletionDone {
  consumed: Array<HeldReservation & { line_id: string }>;
  invoice: { invoice_id: string; invoice_number: string; order_id: string } | null;
  /** The repair_consumption ledger rows the completion appended. */
  stock_movement_ids: string[];
}

/**
 * Undoes a completed billing run when the status change it belonged to is rolled back after it
 * (e.g. the job's Temporal signal failed): the invoice, its order and link go, the invoice number
 * is given back if still the last, and consumed parts return to stock, reserved for the job again.
 */
export async function reverseRepairCompletion(container: MedusaContainer, done: CompletionDone): Promise<void> {
  const service = billingService(container);
  if (done.invoice) {
    const { invoice_id, invoice_number, order_id } = done.invoice;
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
      [REPAIR_BILLING_MODULE]: { repair_invoice_id: invoice_id }, [Modules.ORDER]: { order_id },
    });
    await service.deleteRepairInvoices(invoice_id);
    const parsed = parseInvoiceNumber(invoice_number);
    if (parsed) await service.releaseInvoiceSequence(`${parsed.prefix}-${parsed.year}`, parsed.sequence);
    await container.resolve(Modules.ORDER).deleteOrders([order_id]);
  }
  if (done.consumed.length) {
    await service.updateRepairLines(done.consumed.map((l) => ({ id: l.line_id, consumed_at: null })));
    await revertStockMovements(container, done.stock_movement_ids);
    await restoreReservations(container, done.consumed);
  }
}
