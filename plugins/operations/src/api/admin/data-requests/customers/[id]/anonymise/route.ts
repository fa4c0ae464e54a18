import { MedusaError } from "@medusajs/framework/utils";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { anonymiseCustomer } from "../../../../../../modules/archive/sql/anonymise";
import { customerScope } from "../../../../../../modules/archive/sql/customer-scope";
import { newDataRequestId, recordDataRequest } from "../../../record";
import { anonymiseBodySchema } from "../../../validators";

/**
 * PDPA anonymisation (owners; typed confirmation `ANONYMISE`): the customer's name, phone, email,
 * address and notes are replaced everywhere, hot tables and archive, in ONE transaction with its
 * `data_request` row. Tax records keep their rows and amounts with the name replaced. Audited.
 */
export const POST = staffRoute(["owner"], async (req, res) => {
  parseOrThrow(anonymiseBodySchema, req.body ?? {});
  const customerId = req.params.id!;
  const requestId = newDataRequestId();
  const changed = await sqlConnection(req.scope).transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('data-request:' || ?))`, [customerId]);
    const scope = await customerScope(trx, customerId);
    if (!scope) return null;
    const counts = await anonymiseCustomer(trx, scope, requestId);
    await recordDataRequest(trx, { id: requestId, kind: "anonymise", customerId, format: null, actor: req.actor, summary: { counts, jobs: scope.jobIds.length, sales: scope.saleIds.length } });
    return counts;
  });
  if (!changed) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`);
  await recordAudit(req, { action: "data_request.anonymise", entity: "customer", entity_id: customerId, metadata: { data_request_id: requestId, counts: changed } });
  res.json({ data_request_id: requestId, customer_id: customerId, changed });
});
