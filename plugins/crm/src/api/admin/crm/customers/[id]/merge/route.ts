import { MedusaError, Modules } from "@medusajs/framework/utils";
import { MANAGERS } from "@voltura/domain";
import { mergeCustomersBodySchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { customerName } from "../../../../../../workflows/customer-state";
import { mergeCustomersWorkflow } from "../../../../../../workflows/merge-customers";
import { loadCrmCustomer } from "../../../customers-query";

/** Merges the duplicate named in the body into this (primary) customer; the duplicate is deleted. */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const { duplicate_id } = parseOrThrow(mergeCustomersBodySchema, req.body);
  const primaryId = req.params.id!;
  if (duplicate_id === primaryId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: duplicate_id: a customer cannot be merged into itself");
  const customers = req.scope.resolve(Modules.CUSTOMER);
  const [primary, duplicate] = await Promise.all([primaryId, duplicate_id].map((id) => customers.retrieveCustomer(id).catch(() => null)));
  if (!primary) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${primaryId} was not found`);
  if (!duplicate) throw new MedusaError(MedusaError.Types.NOT_FOUND, `duplicate_id: customer ${duplicate_id} was not found`);
  if (duplicate.has_account) {
    res.status(409).json({
      type: "merge_refused",
      message: `${customerName(duplicate)} (${duplicate.id}) has an online account and cannot be deleted; merge the other way round`,
    });
    return;
  }
  const { result } = await mergeCustomersWorkflow(req.scope).run({ input: { primary_id: primaryId, duplicate_id, merged_by: req.actor.name } });
  res.json({ customer: await loadCrmCustomer(req.scope, primaryId), merged: result });
});
