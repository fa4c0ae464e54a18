import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { checkTransition, formatMYR, LIVE_EVENTS, QUOTE_CONFIRMATION, type QuoteConfirmationInput, type ShopSettings } from "@voltura/domain";
import { loadShopSettings, rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import type { JobEffect } from "../../domain/job-outbox";
import { commitRepairStatusChange, queueJobEffects } from "./status-commit";
import type { RepairJobRecord } from "../../modules/repair/types";
import { billingConflict } from "./billing-errors";
import { toApiLine, type QuoteSnapshot } from "./billing-serialise";
import { jobLines } from "./status-billing";
import { totalsOf } from "../../domain/billing-totals";
import { recordRows } from "./record-rows";

export interface QuoteSendInput {
  job_id: string;
  note?: string | null;
  sent_by: string;
}

export interface QuoteSent {
  quote_id: string;
  version: number;
  summary: string;
  owns_effects: boolean;
}

async function latestQuote(db: Parameters<typeof rows>[0], jobId: string) {
  const [latest] = await rows(db, `SELECT id, version, status FROM repair_quote WHERE repair_job_id = ? AND deleted_at IS NULL ORDER BY version DESC LIMIT 1`, [jobId]);
  return latest ? { id: String(latest.id), version: Number(latest.version), status: String(latest.status) } : null;
}

/**
 * Freezes the job's current lines and totals as the next quote version (status sent), inside the
 * caller's transaction on the locked job: refused while an earlier quote awaits its decision, for a
 * job without lines and once the job is invoiced. The quote's WhatsApp flow goes to the outbox.
 */
async function freezeQuote(trx: SqlTransaction, job: RepairJobRecord, input: QuoteSendInput, settings: ShopSettings, version: number) {
  const latest = await latestQuote(trx, job.id);
  if (latest?.status === "sent") throw billingConflict("quote_pending", `Quote v${latest.version} is still awaiting the customer's decision`);
  if ((latest?.version ?? 0) + 1 !== version) throw billingConflict("quote_pending", "Another quote was sent meanwhile");
  const [invoice] = await rows(trx, `SELECT id FROM repair_invoice WHERE repair_job_id = ? AND deleted_at IS NULL`, [job.id]);
  if (invoice) throw billingConflict("job_invoiced", `Job ${job.job_number} is already invoiced`);
  const lines = await jobLines(trx, job.id);
  if (!lines.length) throw billingConflict("no_lines", "Add parts, labour or fees before sending a quote");
  const totals = totalsOf(lines, settings, Number(job.deposit_sen));
  const snapshot: QuoteSnapshot = {
    lines: lines.map(toApiLine), totals, sst_rate_bp: settings.tax.exempt ? 0 : settings.tax.sst_rate_bp, prices_include_tax: settings.tax.prices_include_tax,
  };
  const id = generateEntityId(undefined, "rquote");
  const sentAt = new Date();
  await trx("repair_quote").insert({
    id, repair_job_id: job.id, version, status: "sent", snapshot: JSON.stringify(snapshot), note: input.note ?? null, sent_at: sentAt, sent_by: input.sent_by,
  });
  const flow: QuoteConfirmationInput = { jobId: job.id, jobNumber: job.job_number, version, sentAt: sentAt.toISOString(), followUp: settings.quoteFollowUp };
  const start: JobEffect = {
    id: generateEntityId(undefined, "jeff"), kind: "flow_start", workflow_type: QUOTE_CONFIRMATION.workflowType,
    workflow_id: QUOTE_CONFIRMATION.workflowId(job.job_number, version), input: flow,
  };
  const sent: JobEffect = { id: generateEntityId(undefined, "jeff"), kind: "event", name: LIVE_EVENTS.repairQuoteSent, data: { id: job.id, quote_id: id, version } };
  return { id, totals, start, sent };
}

/**
 * A quote send in ONE transaction: the frozen quote, the move to Awaiting Approval (when the job is
 * not there yet) and the quote's WhatsApp flow in the outbox.
 */
export async function commitQuoteSend(container: MedusaContainer, input: QuoteSendInput): Promise<QuoteSent> {
  const db = sqlConnection(container);
  const settings = await loadShopSettings(container);
  const [found] = await rows(db, `SELECT status FROM repair_job WHERE id = ? AND deleted_at IS NULL`, [input.job_id]);
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.job_id} was not found`);
  const version = ((await latestQuote(db, input.job_id))?.version ?? 0) + 1;
  let frozen: Awaited<ReturnType<typeof freezeQuote>> | undefined;

  if (found.status !== "awaiting_approval") {
    const move = checkTransition(found.status as RepairJobRecord["status"], "awaiting_approval");
    if (!move.ok) throw billingConflict("invalid_transition", move.reason, { allowed: move.allowed });
    const totalSen = totalsOf(await jobLines(db, input.job_id), settings, 0).total_sen;
    const summary = `Quote v${version} sent: ${formatMYR(totalSen)}`;
    const outcome = await commitRepairStatusChange(container, {
      id: input.job_id, to: "awaiting_approval", note: input.note ? `${summary}. ${input.note}` : summary, changed_by: input.sent_by,
    }, async (trx, job) => {
      frozen = await freezeQuote(trx, job, input, settings, version);
      return [frozen.start, frozen.sent];
    });
    if (!outcome.applied) throw billingConflict("quote_pending", "The job is already awaiting a decision on a quote");
    return { quote_id: frozen!.id, version, summary: `Quote v${version} sent: ${formatMYR(frozen!.totals.total_sen)}`, owns_effects: outcome.owns_effects };
  }
  return db.transaction(async (trx): Promise<QuoteSent> => {
    const [job] = await recordRows<RepairJobRecord>(trx, `SELECT * FROM repair_job WHERE id = ? FOR UPDATE`, [input.job_id]);
    if (!job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${input.job_id} was not found`);
    frozen = await freezeQuote(trx, job, input, settings, version);
    const owns = await queueJobEffects(trx, job, [frozen.start, frozen.sent]);
    return { quote_id: frozen.id, version, summary: `Quote v${version} sent: ${formatMYR(frozen.totals.total_sen)}`, owns_effects: owns };
  });
}
