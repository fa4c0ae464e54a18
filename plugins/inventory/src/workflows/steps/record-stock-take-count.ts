import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { lineForCode, nextCount } from "../../domain/stock-take";
import { loadStockTake } from "./load-stock-take";
import { updateRecords } from "./records";

export interface RecordStockTakeCountInput {
  stock_take_id: string;
  code?: string;
  line_id?: string;
  mode: "add" | "set";
  quantity: number;
}

/** A scan adds to the line's count, a typed number sets it; the session moves to counting. */
export const recordStockTakeCountStep = createStep(
  "record-stock-take-count",
  async (input: RecordStockTakeCountInput, { container }) => {
    const { take, lines } = await loadStockTake(container, input.stock_take_id, "count");
    const line = input.line_id ? lines.find((l) => l.id === input.line_id) : lineForCode(lines, input.code ?? "");
    if (!line) {
      const field = input.line_id ? "line_id" : "code";
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${input.line_id ?? input.code} is not an item of this stock take`);
    }
    const counted = nextCount(line.counted_quantity, input.mode, input.quantity);
    await updateRecords(container, "StockTakeLine", [{ id: line.id, counted_quantity: counted }]);
    if (take.status === "open") await updateRecords(container, "StockTake", [{ id: take.id, status: "counting" }]);
    return new StepResponse({ line_id: line.id, counted_quantity: counted }, { line_id: line.id, before: line.counted_quantity, take_id: take.id, status_before: take.status });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await updateRecords(container, "StockTakeLine", [{ id: undo.line_id, counted_quantity: undo.before }]);
    await updateRecords(container, "StockTake", [{ id: undo.take_id, status: undo.status_before }]);
  },
);

