import { MANAGERS } from "@voltura/domain";
import { updateSupplierBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { deleteSupplierWorkflow } from "../../../../../workflows/delete-supplier";
import { updateSupplierWorkflow } from "../../../../../workflows/update-supplier";
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
