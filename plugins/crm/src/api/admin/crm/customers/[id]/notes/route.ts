import { CRM_EDITORS } from "@voltura/domain";
import { addCustomerNoteBodySchema, type CustomerNote } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { addCustomerNoteWorkflow } from "../../../../../../workflows/add-customer-note";
import { loadCrmCustomer } from "../../../customers-query";
import { iso } from "../../../shapes";

/** Notes are append-only: there is no route to edit or delete one. */
export const POST = staffRoute(CRM_EDITORS, async (req, res) => {
  const body = parseOrThrow(addCustomerNoteBodySchema, req.body);
  const customer = await loadCrmCustomer(req.scope, req.params.id!);
  const { result } = await addCustomerNoteWorkflow(req.scope).run({ input: { customer_id: customer.id, body: body.body, author: req.actor.name } });
  const note: CustomerNote = { id: result.id, body: result.body, author: result.author, created_at: iso(result.created_at) };
  res.status(201).json({ note });
});
