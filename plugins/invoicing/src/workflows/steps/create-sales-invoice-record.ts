import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { documentNumber, seriesKey } from "../../domain/numbering";
import { invoicePaymentState } from "../../domain/status";
import { invoiceSeries, invoicingService } from "../../invoicing/context";
import type { SalesInvoiceRecord } from "../../invoicing/records";
import type { PricedDocument } from "./prepare-document";

export interface CreateSalesInvoiceRecordInput {
  priced: PricedDocument;
  customer_id: string | null;
  quotation_id: string | null;
  due_days: number;
  notes: string | null;
  created_by: string;
}

/**
 * Takes the next INV number from the repair desk's counter (one invoice series for the shop) and
 * stores the invoice; compensation deletes it and gives the number back when it is still the last.
 */
export const createSalesInvoiceRecordStep = createStep(
  "create-sales-invoice-record",
  async (input: CreateSalesInvoiceRecordInput, { container }) => {
    const now = new Date();
    const { series, year } = seriesKey("INV", now);
    const sequence = await invoiceSeries(container).allocateInvoiceSequence(series);
    const state = invoicePaymentState(input.priced.total_sen, []);
    const invoice = await invoicingService(container).createSalesInvoices({
      invoice_number: documentNumber("INV", year, sequence),
      status: state.status,
      quotation_id: input.quotation_id,
      customer_id: input.customer_id,
      ...input.priced,
      paid_sen: 0,
      balance_sen: state.balance_sen,
      notes: input.notes,
      issued_at: now,
      due_at: input.due_days > 0 ? new Date(now.getTime() + input.due_days * 86_400_000) : null,
      created_by: input.created_by,
    } as never);
    const record = invoice as unknown as SalesInvoiceRecord;
    return new StepResponse(record, { id: record.id, series, sequence });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await invoicingService(container).deleteSalesInvoices(undo.id);
    await invoiceSeries(container).releaseInvoiceSequence(undo.series, undo.sequence);
  },
);
