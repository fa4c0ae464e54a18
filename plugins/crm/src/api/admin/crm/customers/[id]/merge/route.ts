import { MedusaError, Modules } from "@medusajs/framework/utils";
import { MANAGERS } from "@voltura/domain";
import { mergeCustomersBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { customerName } from "../../../../../../domain/customer-state";
import { mergeCustomers, MergeKeyReusedError, type MergeCustomersInput } from "../../../../../../workflows/steps/merge-customers";
import { loadCrmCustomer } from "../../../customers-query";

/**
 * Merges the duplicate named in the body into this (primary) customer; the duplicate is deleted.
 * All or nothing, once per `idempotency_key` (default: the pair): a retry answers the same merge
 * with 200; the key with another pair is 409 `idempotency_key_reused`.
 */
export const POST = staffRoute(MANAGERS, async (req, res) => {
  const { duplicate_id, idempotency_key } = parseOrThrow(mergeCustomersBodySchema, req.body);
  const primaryId = req.params.id!;
  if (duplicate_id === primaryId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: duplicate_id: a customer cannot be merged into itself");
  const input: MergeCustomersInput = { primary_id: primaryId, duplicate_id, merged_by: req.actor.name, idempotency_key };
  try {
    // Missing customers are answered (404) by the merge itself, after it looked for a replay under the locks.
    const duplicate = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(duplicate_id).catch(() => null);
    if (duplicate?.has_account) {
      res.status(409).json({
        type: "merge_refused",
        message: `${customerName(duplicate)} (${duplicate.id}) has an online account and cannot be deleted; merge the other way round`,
      });
      return;
    }
    const { merged } = await mergeCustomers(req.scope, input);
    res.json({ customer: await loadCrmCustomer(req.scope, primaryId), merged });
  } catch (error) {
    if (!(error instanceof MergeKeyReusedError)) throw error;
    res.status(409).json({ type: "conflict", code: error.code, field: "idempotency_key", message: error.message });
  }
});
