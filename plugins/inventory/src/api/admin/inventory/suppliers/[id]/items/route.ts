import { MANAGERS } from "@voltura/domain";
import { supplierItemBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { setSupplierItemWorkflow } from "../../../../../../workflows/set-supplier-item";
import { supplierAnswer } from "../../../answers";
import { runWorkflow } from "../../../run";

/** Adds an item the supplier provides, or updates its cost and lead time. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const body = parseOrThrow(supplierItemBodySchema, req.body);
  if (!(await runWorkflow(setSupplierItemWorkflow, req.scope, { supplier_id: req.params.id!, ...body, supplier_sku: body.supplier_sku ?? null }, res))) return;
  res.status(201).json({ supplier: await supplierAnswer(req.scope, req.params.id!) });
});
