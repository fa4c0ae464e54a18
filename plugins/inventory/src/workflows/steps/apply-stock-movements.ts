import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { parseOrThrow } from "@voltura/medusa-kit";
import { applyStockMovements, undoStockMovements, type AppliedStockMovements, type StockMovementRow } from "./apply-ledger";
import { applyStockMovementsInputSchema, type StockMovementInput } from "../../domain/stock-movement";

export interface ApplyStockMovementsInput {
  movements: StockMovementInput[];
}

export interface ApplyStockMovementsOutput {
  movements: StockMovementRow[];
}

/**
 * Stock changes of workflows: adjusts Medusa's inventory levels and appends the ledger rows in one
 * step, so on-hand always equals the sum of the ledger. Compensation puts the stock back and
 * removes the rows (and restores average costs a receipt moved). Writes that must survive a crash
 * book inside their own transaction instead (`bookStockMovements`).
 */
export const applyStockMovementsStep = createStep(
  "apply-stock-movements",
  async (input: ApplyStockMovementsInput, { container }) => {
    const { movements } = parseOrThrow(applyStockMovementsInputSchema, input);
    const { rows, applied } = await applyStockMovements(container, movements);
    return new StepResponse<ApplyStockMovementsOutput, AppliedStockMovements>({ movements: rows }, applied);
  },
  async (applied, { container }) => {
    if (!applied?.movement_ids.length) return;
    await undoStockMovements(container, applied);
  },
);
