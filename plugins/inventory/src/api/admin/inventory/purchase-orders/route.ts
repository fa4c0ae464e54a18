import { MANAGERS } from "@voltura/domain";
import { createPurchaseOrderBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { PURCHASE_ORDER_STATUSES } from "../../../../domain/purchase-order";
import { createPurchaseOrderWorkflow } from "../../../../workflows/create-purchase-order";
import { purchaseOrderAnswer, purchaseOrdersAnswer } from "../answers";
import { runWorkflow } from "../run";

const listQuery = z.object({ status: z.enum(PURCHASE_ORDER_STATUSES).optional(), supplier_id: z.string().trim().min(1).optional() });

export const GET = staffRoute(MANAGERS, async (req, res) => {
  const query = parseOrThrow(listQuery, req.query);
  res.json({ purchase_orders: await purchaseOrdersAnswer(req.scope, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))) });
});

export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(createPurchaseOrderBodySchema, req.body);
  const result = (await runWorkflow(createPurchaseOrderWorkflow, req.scope, { ...body, created_by: req.actor.name }, res)) as { id: string } | undefined;
  if (!result) return;
  res.status(201).json({ purchase_order: await purchaseOrderAnswer(req.scope, result.id) });
});
