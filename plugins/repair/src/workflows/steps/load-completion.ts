import type { CreateOrderDTO } from "@medusajs/framework/types";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { BillingTotals } from "@voltura/domain";
import { findCounterSalesChannelId, findInvoiceRegionId, loadBillingJob, loadShopSettings } from "../../billing/context";
import type { HeldReservation } from "../../billing/inventory";
import { buildInvoiceOrderInput } from "../../billing/invoice-order";
import { findJobInvoice, listJobLines } from "../../billing/load-billing";
import { totalsOf } from "../../billing/totals";

export type ConsumableLine = HeldReservation & { line_id: string };

export interface CompletionPlan {
  job_id: string;
  job_number: string;
  to_consume: ConsumableLine[];
  /** False when the job was invoiced before (completed again after a rework) or has no lines. */
  should_invoice: boolean;
  totals: BillingTotals;
  sst_rate_bp: number;
  prices_include_tax: boolean;
  order_input: CreateOrderDTO | null;
}

/** What completing the job bills and consumes. Reads only. */
export const loadCompletionStep = createStep("load-repair-completion", async (input: { job_id: string; completed_by: string }, { container }) => {
  const job = await loadBillingJob(container, input.job_id);
  const [settings, lines, invoice] = await Promise.all([loadShopSettings(container), listJobLines(container, job.id), findJobInvoice(container, job.id)]);
  const to_consume: ConsumableLine[] = lines.flatMap((l) =>
    l.kind === "part" && l.reservation_id && l.inventory_item_id && l.stock_location_id && !l.consumed_at
      ? [{ line_id: l.id, reservation_id: l.reservation_id, inventory_item_id: l.inventory_item_id, location_id: l.stock_location_id, quantity: Number(l.quantity) }]
      : [],
  );
  const totals = totalsOf(lines, settings, job.deposit_sen);
  const should_invoice = !invoice && lines.length > 0;
  let order_input: CreateOrderDTO | null = null;
  if (should_invoice) {
    const [region_id, sales_channel_id] = await Promise.all([findInvoiceRegionId(container), findCounterSalesChannelId(container)]);
    order_input = buildInvoiceOrderInput({ job, lines, settings, totals, region_id, sales_channel_id, invoiced_by: input.completed_by });
  }
  return new StepResponse<CompletionPlan>({
    job_id: job.id, job_number: job.job_number, to_consume, should_invoice, totals,
    sst_rate_bp: settings.tax.exempt ? 0 : settings.tax.sst_rate_bp, prices_include_tax: settings.tax.prices_include_tax, order_input,
  });
});
