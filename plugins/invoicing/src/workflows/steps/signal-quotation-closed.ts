import type { MedusaContainer } from "@medusajs/framework/types";
import { QUOTATION_FOLLOWUP } from "@voltura/domain";
import { temporalClient } from "./context";

/**
 * Tells quotation-followup-<number> the quotation is answered (accepted, declined, converted) so
 * it stops. A follow-up that already ended (or never started) is fine: nothing is left to stop →
 * false. Other failures throw.
 */
export async function signalQuotationClosed(container: MedusaContainer, quotationNumber: string, status: string): Promise<boolean> {
  try {
    await temporalClient(container).signal(QUOTATION_FOLLOWUP.workflowId(quotationNumber), QUOTATION_FOLLOWUP.signal, [{ status }]);
    return true;
  } catch (error) {
    if ((error as Error).name === "WorkflowNotFoundError") return false;
    throw error;
  }
}
