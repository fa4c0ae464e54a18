import { ALL_STAFF, CRM_EDITORS } from "@voltura/domain";
import { createCrmCustomerBodySchema, listCrmCustomersQuerySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { createCrmCustomerWorkflow } from "../../../../workflows/create-crm-customer";
import { answerIfCustomerTaken, normalisePhoneOr400, workflowError } from "../answers";
import { listCrmCustomers, loadCrmCustomer } from "../customers-query";

export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const q = parseOrThrow(listCrmCustomersQuerySchema, req.query);
  const { customers, count, count_estimated } = await listCrmCustomers(req.scope, q);
  res.json({ customers, count, count_estimated, limit: q.limit, offset: q.offset });
});

export const POST = staffRoute(CRM_EDITORS, async (req, res) => {
  const body = parseOrThrow(createCrmCustomerBodySchema, req.body);
  const phone = normalisePhoneOr400(body.phone);
  if (await answerIfCustomerTaken(req.scope, res, { phone, email: body.email })) return;
  const { result, errors } = await createCrmCustomerWorkflow(req.scope).run({
    input: { name: body.name, phone, email: body.email ?? null, customer_type: body.customer_type, tags: body.tags },
    throwOnError: false,
  });
  if (errors.length) {
    // Another counter created the same number meanwhile: name that customer.
    if (workflowError(errors)?.type === "conflict" && (await answerIfCustomerTaken(req.scope, res, { phone, email: body.email }))) return;
    throw errors[0]!.error;
  }
  res.status(201).json({ customer: await loadCrmCustomer(req.scope, result.id) });
});
