import { proxyActivities } from "@temporalio/workflow";
import { shopTimeZone } from "@voltura/domain";
import { integrityRunKey, integrityShopDay, type IntegrityActivities, type IntegrityNightlyInput, type IntegrityNightlyResult } from "./integrity-definitions.js";

// Every function exported here is registered as a workflow type: export helpers elsewhere.

const integrity = proxyActivities<IntegrityActivities>({
  startToCloseTimeout: "5 minutes",
  retry: { initialInterval: "30 seconds", backoffCoefficient: 2, maximumInterval: "10 minutes", maximumAttempts: 8 },
});

/**
 * Started by the `integrity-nightly` schedule at 02:30 shop time: one integrity run for the shop's
 * day (its key makes retries and catch-ups store, audit and alert once).
 */
export async function integrityNightly(input: IntegrityNightlyInput = {}): Promise<IntegrityNightlyResult> {
  const shopDay = integrityShopDay(Date.now(), shopTimeZone(input.timeZone));
  const outcome = await integrity.runIntegrityCheck({ idempotencyKey: integrityRunKey(shopDay), shopDay });
  return { ...outcome, shopDay };
}
