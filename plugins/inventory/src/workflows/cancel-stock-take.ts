import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { checkStockTakeCancellableStep, stockTakeLockKey } from "./steps/load-stock-take";
import { updateRecordsStep } from "./steps/records";

export const cancelStockTakeWorkflow = createWorkflow("cancel-stock-take", (input: { stock_take_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => stockTakeLockKey(input.stock_take_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const id = checkStockTakeCancellableStep(input);
  updateRecordsStep(transform({ id }, ({ id }) => ({ entity: "StockTake" as const, data: [{ id, status: "cancelled" }] })));
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(id);
});
