import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { stockTakeLockKey } from "./steps/load-stock-take";
import { recordStockTakeCountStep, type RecordStockTakeCountInput } from "./steps/record-stock-take-count";

export type { RecordStockTakeCountInput };

export const recordStockTakeCountWorkflow = createWorkflow("record-stock-take-count", (input: RecordStockTakeCountInput) => {
  const lockKey = transform({ input }, ({ input }) => stockTakeLockKey(input.stock_take_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const result = recordStockTakeCountStep(input);
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(result);
});
