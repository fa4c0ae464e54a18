import { ALL_STAFF, CRM_EDITORS } from "@voltura/domain";
import { updateCrmCustomerBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateCrmCustomerWorkflow } from "../../../../../workflows/update-crm-customer";
import { answerIfCustomerTaken, workflowError } from "../../answers";
import { loadCrmCustomer } from "../../customers-query";

export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  res.json({ customer: await loadCrmCustomer(req.scope, req.params.id!) });
});

export const POST = staffRoute(CRM_EDITORS, async (req, res) => {
  const body = parseOrThrow(updateCrmCustomerBodySchema, req.body);
  const current = await loadCrmCustomer(req.scope, req.params.id!);
  if (body.email && (await answerIfCustomerTaken(req.scope, res, { email: body.email, exceptId: current.id }))) return;
  const { errors } = await updateCrmCustomerWorkflow(req.scope).run({ input: { id: current.id, ...body }, throwOnError: false });
  if (errors.length) {
    if (workflowError(errors)?.type === "conflict" && (await answerIfCustomerTaken(req.scope, res, { email: body.email, exceptId: current.id }))) return;
    throw errors[0]!.error;
  }
  res.json({ customer: await loadCrmCustomer(req.scope, current.id) });
});
