import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { loadShopSettings } from "@voltura/medusa-kit";
import { computeDocumentTotals, type Buyer, type DocumentLine } from "../../domain/lines";
import { invoicingInvalid } from "./context";

export interface PricedDocument {
  buyer: Buyer;
  lines: DocumentLine[];
  subtotal_sen: number;
  discount_sen: number;
  sst_sen: number;
  total_sen: number;
  prices_include_tax: boolean;
}

/** Prices lines with the shop's SST settings; a discount larger than its line is a 400 naming it. */
export async function priceDocument(
  container: Parameters<typeof loadShopSettings>[0], buyer: Buyer, lines: DocumentLine[],
): Promise<PricedDocument> {
  const settings = await loadShopSettings(container);
  let totals;
  try {
    totals = computeDocumentTotals(lines, settings.tax);
  } catch (error) {
    const index = error instanceof RangeError ? /^lines\[(\d+)\]/.exec(error.message)?.[1] : undefined;
    if (index !== undefined) {
      const field = `lines.${index}.discount_sen`;
      throw invoicingInvalid(field, `${field}: ${(error as RangeError).message.replace(/^lines\[\d+\]\.\w+:\s*/, "")}`);
    }
    throw error;
  }
  return {
    buyer, lines,
    subtotal_sen: totals.subtotal_sen, discount_sen: totals.discount_sen, sst_sen: totals.sst_sen, total_sen: totals.total_sen,
    prices_include_tax: settings.tax.prices_include_tax,
  };
}

/** Reads the shop settings and prices the document (no writes, nothing to undo). */
export const prepareDocumentStep = createStep(
  "prepare-sales-document",
  async (input: { buyer: Buyer; lines: DocumentLine[] }, { container }) => new StepResponse(await priceDocument(container, input.buyer, input.lines)),
);
