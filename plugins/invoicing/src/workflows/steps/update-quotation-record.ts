import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { quotationEditable } from "../../domain/status";
import type { Buyer, DocumentLine } from "../../domain/lines";
import { invoicingConflict, invoicingService, notFound } from "./context";
import { priceDocument } from "./prepare-document";

export interface UpdateQuotationRecordInput {
  id: string;
  buyer?: Buyer;
  lines?: DocumentLine[];
  valid_until?: string;
  notes?: string | null;
}

const SNAPSHOT_FIELDS = ["buyer", "lines", "notes", "subtotal_sen", "discount_sen", "sst_sen", "total_sen", "prices_include_tax", "valid_until"] as const;

/** Changes an open quotation and reprices it; compensation restores the previous fields. */
export const updateQuotationRecordStep = createStep(
  "update-quotation-record",
  async (input: UpdateQuotationRecordInput, { container }) => {
    const service = invoicingService(container);
    const [current] = await service.listQuotations({ id: input.id });
    if (!current) throw notFound("Quotation", input.id);
    if (!quotationEditable(current.status)) {
      throw invoicingConflict("not_editable", `Quotation ${current.quotation_number} is ${current.status}; only draft or sent quotations can change`, { status: current.status });
    }
    const priced = await priceDocument(container, input.buyer ?? current.buyer, input.lines ?? current.lines);
    const snapshot = Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, current[f]]));
    await service.updateQuotations({
      id: current.id,
      ...priced,
      ...(input.valid_until ? { valid_until: new Date(input.valid_until) } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    });
    const [updated] = await service.listQuotations({ id: current.id });
    return new StepResponse(updated!, { id: current.id, snapshot });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await invoicingService(container).updateQuotations({ id: undo.id, ...undo.snapshot });
  },
);
