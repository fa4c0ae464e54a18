import { MANAGERS } from "@voltura/domain";
import { supplierBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { z } from "zod";
import { createSupplierWorkflow } from "../../../../workflows/create-supplier";
import { supplierAnswer, suppliersAnswer } from "../answers";
import { runWorkflow } from "../run";

const listQuery = z.object({ q: z.string().trim().max(100).optional() });

export const GET = staffRoute(MANAGERS, async (req, res) => {
  const { q } = parseOrThrow(listQuery, req.query);
  res.json({ suppliers: await suppliersAnswer(req.scope, q ? { q } : {}) });
});

export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(supplierBodySchema, req.body);
  const result = (await runWorkflow(createSupplierWorkflow, req.scope, { supplier: body }, res)) as { id: string } | undefined;
  if (!result) return;
  res.status(201).json({ supplier: await supplierAnswer(req.scope, result.id) });
});
