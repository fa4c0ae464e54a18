import { MANAGERS } from "@voltura/domain";
import { updateSupplierBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { deleteSupplierWorkflow, updateSupplierWorkflow } from "../../../../../workflows/suppliers";
import { supplierAnswer } from "../../answers";
import { runWorkflow } from "../../run";

export const GET = staffRoute(MANAGERS, async (req, res) => {
  res.json({ supplier: await supplierAnswer(req.scope, req.params.id!) });
});

export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateSupplierBodySchema, req.body);
  if (!(await runWorkflow(updateSupplierWorkflow, req.scope, { supplier_id: req.params.id!, changes: body }, res))) return;
  res.json({ supplier: await supplierAnswer(req.scope, req.params.id!) });
});

export const DELETE = staffRoute(MANAGERS, async (req, res) => {
  const result = await runWorkflow(deleteSupplierWorkflow, req.scope, { supplier_id: req.params.id! }, res);
  if (!result) return;
  res.json(result);
});
