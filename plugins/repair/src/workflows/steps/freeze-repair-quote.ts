import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { checkTransition, formatMYR } from "@voltura/domain";
import { loadBillingJob, loadShopSettings } from "../../billing/context";
import { billingConflict } from "../../billing/errors";
import { billingService, findJobInvoice, listJobLines } from "../../billing/load-billing";
import type { RepairQuoteRecord } from "../../billing/records";
import { toApiLine, type QuoteSnapshot } from "../../billing/serialise";
import { totalsOf } from "../../billing/totals";

export interface FreezeRepairQuoteInput {
  job_id: string;
  note?: string | null;
  sent_by: string;
}

/**
 * Freezes the job's current lines and totals as the next quote version, status sent. Refused while
 * an earlier quote awaits its decision, for a job without lines, and once the job is invoiced.
 * Compensation deletes the quote.
 */
export const freezeRepairQuoteStep = createStep(
  "freeze-repair-quote",
  async (input: FreezeRepairQuoteInput, { container }) => {
    const service = billingService(container);
    const job = await loadBillingJob(container, input.job_id);
    const [settings, lines, quotes, invoice] = await Promise.all([
      loadShopSettings(container),
      listJobLines(container, job.id),
      service.listRepairQuotes({ repair_job_id: job.id }, { order: { version: "DESC" }, take: 1 }),
      findJobInvoice(container, job.id),
    ]);
    const latest = quotes[0] as unknown as RepairQuoteRecord | undefined;
    if (latest?.status === "sent") throw billingConflict("quote_pending", `Quote v${latest.version} is still awaiting the customer's decision`);
    if (invoice) throw billingConflict("job_invoiced", `Job ${job.job_number} is already invoiced`);
    if (!lines.length) throw billingConflict("no_lines", "Add parts, labour or fees before sending a quote");
    const move = job.status === "awaiting_approval" ? null : checkTransition(job.status, "awaiting_approval");
    if (move && !move.ok) throw billingConflict("invalid_transition", move.reason, { allowed: move.allowed });

    const totals = totalsOf(lines, settings, job.deposit_sen);
    const snapshot: QuoteSnapshot = {
      lines: lines.map(toApiLine), totals, sst_rate_bp: settings.tax.exempt ? 0 : settings.tax.sst_rate_bp,
      prices_include_tax: settings.tax.prices_include_tax,
    };
    const quote = await service.createRepairQuotes({
      repair_job_id: job.id,
      version: (latest?.version ?? 0) + 1,
      status: "sent",
      snapshot: snapshot as unknown as Record<string, unknown>,
      note: input.note ?? null,
      sent_at: new Date(),
      sent_by: input.sent_by,
    });
    const summary = `Quote v${quote.version} sent: ${formatMYR(totals.total_sen)}`;
    return new StepResponse(
      { quote_id: quote.id, version: Number(quote.version), needs_status_change: job.status !== "awaiting_approval", summary },
      quote.id,
    );
  },
  async (quoteId, { container }) => {
    if (quoteId) await billingService(container).deleteRepairQuotes(quoteId);
  },
);
