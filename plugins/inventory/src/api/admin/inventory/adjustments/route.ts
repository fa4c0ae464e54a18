import { MANAGERS } from "@voltura/domain";
import { createStockAdjustmentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { loadItemInfo } from "../../../../workflows/steps/item-info";
import { shopInventoryService } from "../../../../workflows/steps/apply-ledger";
import { adjustStock } from "../../../../workflows/steps/adjust-stock";
import { movementAnswer } from "../answers";
import { runWrite } from "../run";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) });

/** Adjustments, newest first (ledger rows of kind adjustment). */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const { limit, offset } = parseOrThrow(listQuery, req.query);
  const [rows, count] = await shopInventoryService(req.scope).listAndCountStockMovements({ kind: "adjustment" }, { order: { created_at: "DESC" }, take: limit, skip: offset });
  const info = await loadItemInfo(req.scope, rows.map((r) => r.inventory_item_id));
  res.json({
    adjustments: rows.map((r) => ({ ...movementAnswer(r), title: info.get(r.inventory_item_id)?.title ?? null, sku: info.get(r.inventory_item_id)?.sku ?? null })),
    count,
  });
});

/** One adjustment; a retry with its idempotency_key answers the same adjustment (201 again). */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(createStockAdjustmentBodySchema, req.body);
  const result = await runWrite(() => adjustStock(req.scope, { ...body, actor_id: req.actor.name }), res);
  if (!result) return;
  res.status(201).json({ adjustment: movementAnswer(result.adjustment) });
});
