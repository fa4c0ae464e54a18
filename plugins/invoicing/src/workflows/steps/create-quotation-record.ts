import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { endOfShopDayAfter } from "@voltura/domain";
import { documentNumber, seriesKey } from "../../domain/numbering";
import { invoicingService } from "./context";
import type { PricedDocument } from "./prepare-document";

export interface CreateQuotationRecordInput {
  priced: PricedDocument;
  customer_id: string | null;
  valid_days: number;
  notes: string | null;
  created_by: string;
}

/** Takes the next QUO number of the year (atomic) and stores the quotation; compensation deletes it and gives the number back. */
export const createQuotationRecordStep = createStep(
  "create-quotation-record",
  async (input: CreateQuotationRecordInput, { container }) => {
    const service = invoicingService(container);
    const now = new Date();
    const { series, year } = seriesKey("QUO", now);
    const sequence = await service.allocateQuotationSequence(series);
    const quotation = await service.createQuotations({
      quotation_number: documentNumber("QUO", year, sequence),
      status: "draft",
      customer_id: input.customer_id,
      ...input.priced,
      notes: input.notes,
      issued_at: now,
      valid_until: endOfShopDayAfter(now, input.valid_days),
      created_by: input.created_by,
    });
    return new StepResponse(quotation, { id: quotation.id, series, sequence });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = invoicingService(container);
    await service.deleteQuotations(undo.id);
    await service.releaseQuotationSequence(undo.series, undo.sequence);
  },
);
