import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { stockTakeAcceptsCounts, type StockTakeStatus } from "../../domain/stock-take";
import { shopInventoryService } from "./apply-ledger";
import { listRecords } from "./records";

/** The lock counting, posting and cancelling a session all take. */
export const stockTakeLockKey = (id: string) => `stock-take:${id}`;

export async function loadStockTake(container: MedusaContainer, id: string, wanted: "count" | "cancel") {
  const [take] = await listRecords(container, "StockTake", { id });
  if (!take) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock take ${id} not found`);
  const status = take.status as StockTakeStatus;
  if (!stockTakeAcceptsCounts(status)) throw new MedusaError(MedusaError.Types.CONFLICT, `Stock take is ${status}: it can no longer ${wanted}`);
  const lines = await shopInventoryService(container).listStockTakeLines({ stock_take_id: id });
  return { take, lines: lines.map((l) => ({ ...l, expected_quantity: Number(l.expected_quantity), counted_quantity: l.counted_quantity === null ? null : Number(l.counted_quantity) })) };
}

export const checkStockTakeCancellableStep = createStep("check-stock-take-cancellable", async (input: { stock_take_id: string }, { container }) => {
  const { take } = await loadStockTake(container, input.stock_take_id, "cancel");
  return new StepResponse(take.id);
});

