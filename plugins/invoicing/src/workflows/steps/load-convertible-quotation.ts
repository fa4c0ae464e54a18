import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { quotationConvertible } from "../../domain/status";
import { invoicingConflict, invoicingService, notFound } from "../../invoicing/context";
import type { QuotationRecord } from "../../invoicing/records";
import type { PricedDocument } from "./prepare-document";

/** The quotation to convert, with its priced content exactly as offered (409 when not convertible). */
export const loadConvertibleQuotationStep = createStep(
  "load-convertible-quotation",
  async (input: { id: string }, { container }) => {
    const [quotation] = (await invoicingService(container).listQuotations({ id: input.id })) as unknown as QuotationRecord[];
    if (!quotation) throw notFound("Quotation", input.id);
    if (!quotationConvertible(quotation.status)) {
      throw invoicingConflict("not_convertible", `Quotation ${quotation.quotation_number} is ${quotation.status} and cannot be converted`, {
        status: quotation.status, converted_invoice_id: quotation.converted_invoice_id,
      });
    }
    const priced: PricedDocument = {
      buyer: quotation.buyer, lines: quotation.lines, subtotal_sen: quotation.subtotal_sen, discount_sen: quotation.discount_sen,
      sst_sen: quotation.sst_sen, total_sen: quotation.total_sen, prices_include_tax: quotation.prices_include_tax,
    };
    return new StepResponse({ quotation, priced });
  },
);
