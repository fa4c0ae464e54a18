import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { shopYear } from "@voltura/domain";
import { formatDocumentNumber } from "@voltura/pos-rules";
import { posService, RECEIPT_SERIES } from "../../sales/context";

/** RCP-YYYY-NNNNNN, per shop-time year, taken atomically; compensation gives it back if it is still the last. */
export const takeReceiptNumberStep = createStep(
  "take-pos-receipt-number",
  async (_input: Record<string, never>, { container }) => {
    const year = shopYear(new Date());
    const series = `${RECEIPT_SERIES}-${year}`;
    const sequence = await posService(container).allocateReceiptSequence(series);
    return new StepResponse(formatDocumentNumber(RECEIPT_SERIES, year, sequence), { series, sequence });
  },
  async (undo, { container }) => {
    if (undo) await posService(container).releaseReceiptSequence(undo.series, undo.sequence);
  },
);
