import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { DecisionChannel } from "@voltura/domain";
import { billingConflict } from "../../billing/errors";
import { billingService } from "../../billing/load-billing";
import type { RepairQuoteRecord } from "../../billing/records";

export interface RecordQuoteDecisionInput {
  job_id: string;
  decision: "approve" | "reject";
  note?: string | null;
  channel: DecisionChannel;
  decided_by: string;
}

/**
 * Records the decision on the job's sent quote, once: a conditional update, so a second decision
 * (or a race between the counter and WhatsApp) is refused with 409. Compensation reopens the quote.
 */
export const recordQuoteDecisionStep = createStep(
  "record-repair-quote-decision",
  async (input: RecordQuoteDecisionInput, { container }) => {
    const service = billingService(container);
    const [latest] = (await service.listRepairQuotes({ repair_job_id: input.job_id }, { order: { version: "DESC" }, take: 1 })) as unknown as RepairQuoteRecord[];
    if (!latest) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Job ${input.job_id} has no quote to decide on`);
    const decided = () => billingConflict("quote_decided", `Quote v${latest.version} was already ${latest.status === "approved" ? "approved" : "rejected"}`, { status: latest.status });
    if (latest.status !== "sent") throw decided();
    const status = input.decision === "approve" ? "approved" : "rejected";
    const won = await service.decideSentQuote(latest.id, {
      status, decided_by: input.decided_by, decision_channel: input.channel, decision_note: input.note ?? null,
    });
    if (!won) {
      const [now] = (await service.listRepairQuotes({ id: latest.id })) as unknown as RepairQuoteRecord[];
      throw billingConflict("quote_decided", `Quote v${latest.version} was already ${now?.status ?? "decided"}`, { status: now?.status });
    }
    return new StepResponse({ quote_id: latest.id, version: Number(latest.version), status }, latest.id);
  },
  async (quoteId, { container }) => {
    if (!quoteId) return;
    await billingService(container).updateRepairQuotes({
      id: quoteId, status: "sent", decided_at: null, decided_by: null, decision_channel: null, decision_note: null,
    });
  },
);
