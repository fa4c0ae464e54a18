import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { formatInvoiceNumber, shopYear, type BillingTotals } from "@voltura/domain";
import { billingService } from "../../billing/load-billing";
import type { RepairInvoiceRecord } from "../../billing/records";

export interface CreateRepairInvoiceInput {
  job_id: string;
  order_id: string | null;
  totals: BillingTotals;
  sst_rate_bp: number;
  prices_include_tax: boolean;
  issued_by: string;
}

export interface InvoiceUndo {
  id: string;
  series: string;
  sequence: number;
}

const PREFIX = "INV";

/** Takes the next invoice number of the year (atomic) and stores the invoice; compensation deletes it and gives the number back. */
export const createRepairInvoiceStep = createStep(
  "create-repair-invoice",
  async (input: CreateRepairInvoiceInput, { container }) => {
    const service = billingService(container);
    const now = new Date();
    const year = shopYear(now);
    const series = `${PREFIX}-${year}`;
    const sequence = await service.allocateInvoiceSequence(series);
    const invoice = await service.createRepairInvoices({
      repair_job_id: input.job_id,
      invoice_number: formatInvoiceNumber(year, sequence, PREFIX),
      order_id: input.order_id,
      subtotal_sen: input.totals.subtotal_sen,
      sst_sen: input.totals.sst_sen,
      total_sen: input.totals.total_sen,
      deposit_sen: input.totals.deposit_applied_sen,
      amount_due_sen: input.totals.amount_due_sen,
      sst_rate_bp: input.sst_rate_bp,
      prices_include_tax: input.prices_include_tax,
      issued_at: now,
      issued_by: input.issued_by,
    });
    return new StepResponse(invoice as unknown as RepairInvoiceRecord, { id: invoice.id, series, sequence } as InvoiceUndo);
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = billingService(container);
    await service.deleteRepairInvoices(undo.id);
    await service.releaseInvoiceSequence(undo.series, undo.sequence);
  },
);
