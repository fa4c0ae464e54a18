import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { createOrderWorkflow } from "@medusajs/medusa/core-flows";
import { loadShopSettings, rows, sqlConnection } from "@voltura/medusa-kit";
import { REPAIR_BILLING_MODULE } from "../../modules/repair-billing/index";
import { findCounterSalesChannelId, findInvoiceRegionId, loadBillingJob } from "./billing-context";
import { buildInvoiceOrderInput } from "./invoice-order-input";
import { billingService, listJobLines } from "./load-billing";
import { totalsOf } from "../../domain/billing-totals";

/** Orders already made for the invoice (by metadata), oldest first: a rerun keeps the first. */
async function ordersOfInvoice(container: MedusaContainer, invoiceId: string): Promise<string[]> {
  const found = await rows(sqlConnection(container),
    `SELECT id FROM "order" WHERE metadata->>'repair_invoice_id' = ? AND deleted_at IS NULL ORDER BY created_at, id`, [invoiceId]);
  return found.map((r) => String(r.id));
}

/**
 * The Medusa order (Counter channel) that carries a committed repair invoice, made once: an order
 * already carrying the invoice is kept (strays of a racing rerun deleted), then linked and noted on
 * the invoice. The invoice's totals were fixed in the completion transaction; the order repeats them.
 */
export async function ensureInvoiceOrder(container: MedusaContainer, invoiceId: string, completedBy: string): Promise<void> {
  const service = billingService(container);
  const invoice = await service.retrieveRepairInvoice(invoiceId);
  let [keep, ...strays] = await ordersOfInvoice(container, invoiceId);
  if (!keep) {
    const job = await loadBillingJob(container, invoice.repair_job_id);
    const [settings, lines, region_id, sales_channel_id] = await Promise.all([
      loadShopSettings(container), listJobLines(container, job.id), findInvoiceRegionId(container), findCounterSalesChannelId(container),
    ]);
    const input = buildInvoiceOrderInput({ job, lines, settings, totals: totalsOf(lines, settings, job.deposit_sen), region_id, sales_channel_id, invoiced_by: completedBy });
    input.metadata = { ...input.metadata, repair_invoice_id: invoiceId, invoice_number: invoice.invoice_number };
    await createOrderWorkflow(container).run({ input });
    [keep, ...strays] = await ordersOfInvoice(container, invoiceId);
  }
  if (strays.length) await container.resolve(Modules.ORDER).deleteOrders(strays);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const definition = { [REPAIR_BILLING_MODULE]: { repair_invoice_id: invoiceId }, [Modules.ORDER]: { order_id: keep! } };
  if (!((await link.list(definition)) as unknown[]).length) await link.create(definition);
  if (invoice.order_id !== keep) await service.updateRepairInvoices({ id: invoiceId, order_id: keep! });
}
