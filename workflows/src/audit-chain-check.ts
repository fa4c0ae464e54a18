import { operationsAlertKeys, type AuditChainState } from "./operations-definitions.js";
import { commerceOps } from "./operations-support.js";

/** Daily (`audit-chain-daily`): walks the audit hash chain; a broken link raises `audit_chain_broken` naming the first broken row. */
export async function auditChainCheck(): Promise<AuditChainState> {
  const chain = await commerceOps.checkAuditChain();
  if (chain.ok || !chain.firstBroken) {
    await commerceOps.resolveOperationsAlerts({ kind: "audit_chain_broken" });
    return chain;
  }
  await commerceOps.raiseOperationsAlert({
    key: operationsAlertKeys.auditChainBroken(chain.firstBroken.id),
    kind: "audit_chain_broken",
    message: `The audit trail's hash chain is broken at entry #${chain.firstBroken.seq} (${chain.firstBroken.id}): a row was changed or removed`,
  });
  return chain;
}
