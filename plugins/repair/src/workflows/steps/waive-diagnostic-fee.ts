import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { linesToWaiveOnApproval } from "@voltura/domain";
import { loadShopSettings } from "../../billing/context";
import { billingService, listJobLines } from "../../billing/load-billing";

/** On approval, waives the job's diagnostic fee when the shop is set to; compensation charges it again. */
export const waiveDiagnosticFeeStep = createStep(
  "waive-repair-diagnostic-fee",
  async (input: { job_id: string }, { container }) => {
    const [settings, lines] = await Promise.all([loadShopSettings(container), listJobLines(container, input.job_id)]);
    const ids = linesToWaiveOnApproval(lines, settings.repair);
    if (ids.length) await billingService(container).updateRepairLines(ids.map((id) => ({ id, waived: true })));
    return new StepResponse(ids, ids);
  },
  async (ids, { container }) => {
    if (ids?.length) await billingService(container).updateRepairLines(ids.map((id) => ({ id, waived: false })));
  },
);
