import { MANAGERS } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { removeSupplierItemWorkflow } from "../../../../../../../workflows/remove-supplier-item";
import { supplierAnswer } from "../../../../answers";
import { runWorkflow } from "../../../../run";

export const DELETE = staffRoute(MANAGERS, async (req, res) => {
  if (!(await runWorkflow(removeSupplierItemWorkflow, req.scope, { supplier_id: req.params.id!, supplier_item_id: req.params.itemId! }, res))) return;
  res.json({ supplier: await supplierAnswer(req.scope, req.params.id!) });
});
