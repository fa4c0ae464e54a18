import { optimisationKey, operationsShopDay, shopDayInputSchema, type OptimisationSummary, type ShopDayInput } from "./operations-definitions.js";
import { longOps, parseOperationsInput, shopTimeZone } from "./operations-support.js";

/** Weekly (`optimise-weekly`): VACUUM (ANALYZE) of the busy tables and REINDEX CONCURRENTLY over bloat, recorded once per shop day. */
export async function optimiseDatabaseWorkflow(raw: ShopDayInput = {}): Promise<OptimisationSummary & { idempotencyKey: string }> {
  const input = parseOperationsInput(shopDayInputSchema, raw, "optimiseDatabaseWorkflow");
  const idempotencyKey = optimisationKey(operationsShopDay(Date.now(), shopTimeZone(input.timeZone)));
  return { ...(await longOps.runOptimisation({ idempotencyKey })), idempotencyKey };
}
