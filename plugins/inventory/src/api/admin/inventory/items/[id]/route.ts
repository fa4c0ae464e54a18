import { ALL_STAFF, MANAGERS } from "@voltura/domain";
import { updateStockItemBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute, type StaffRequest } from "@voltura/medusa-kit";
import type { MedusaResponse } from "@medusajs/framework/http";
import { assertItemsExist } from "../../../../../workflows/steps/item-info";
import { loadLevelRows } from "../../stock-levels";
import { shopInventoryService } from "../../../../../workflows/steps/apply-ledger";
import { withBalances } from "../../../../../domain/levels";
import { setLowStockThresholdWorkflow } from "../../../../../workflows/set-stock-threshold";
import { movementAnswer } from "../../answers";
import { runWorkflow } from "../../run";

async function answerItem(req: StaffRequest, res: MedusaResponse) {
  const id = req.params.id!;
  const info = (await assertItemsExist(req.scope, [id], "id")).get(id)!;
  const service = shopInventoryService(req.scope);
  const [levels, movements, costs, profiles] = await Promise.all([
    loadLevelRows(req.scope, [id]),
    service.listStockMovements({ inventory_item_id: id }, { order: { created_at: "ASC" }, take: 5000 }),
    service.averageCostsSen([id]),
    service.listItemStockProfiles({ inventory_item_id: id }),
  ]);
  const threshold = profiles[0]?.low_stock_threshold;
  res.json({
    item: { ...info, average_cost_sen: costs[id] ?? 0, low_stock_threshold: threshold === null || threshold === undefined ? null : Number(threshold) },
    levels,
    // Newest first for reading; balances are computed oldest first.
    movements: withBalances(movements.map((m) => movementAnswer(m))).reverse(),
  });
}

/** An item's levels per location and its whole ledger with running balances. */
export const GET = staffRoute(ALL_STAFF, answerItem);

/** Sets the low-stock threshold (null clears it). */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateStockItemBodySchema, req.body);
  if (!(await runWorkflow(setLowStockThresholdWorkflow, req.scope, { inventory_item_id: req.params.id!, low_stock_threshold: body.low_stock_threshold }, res))) return;
  await answerItem(req, res);
});
