import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import { linesToWaiveOnApproval, QUOTE_CONFIRMATION, type CounterDecision, type DecisionChannel } from "@voltura/domain";
import { loadShopSettings, rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import type { JobEffect } from "../../domain/job-outbox";
import { commitRepairStatusChange } from "./status-commit";
import type { RepairJobRecord } from "../../modules/repair/types";
import { billingConflict } from "./billing-errors";
import { jobLines } from "./status-billing";

export interface QuoteDecisionInput {
  job_id: string;
  decision: "approve" | "reject";
  note?: string | null;
  channel: DecisionChannel;
  decided_by: string;
}

export interface QuoteDecided {
  quote_id: string;
  version: number;
  status: "approved" | "rejected";
  owns_effects: boolean;
}

const alreadyDecided = (version: number, status: string) =>
  billingConflict("quote_decided", `Quote v${version} was already ${status === "approved" ? "approved" : status === "rejected" ? "rejected" : "decided"}`, { status });

/**
 * The one decision path, in ONE transaction with its move: the sent quote decided by a conditional
 * update (a second decision, or a race between the counter and WhatsApp: 409 `quote_decided`), the
 * diagnostic fee waived on approval when the shop says so, the job moved (approve → In Progress,
 * reject → Returned Unrepaired, releasing its parts), and a counter decision's signal to the
 * quote's WhatsApp flow in the outbox.
 */
export async function commitQuoteDecision(container: MedusaContainer, input: QuoteDecisionInput): Promise<QuoteDecided> {
  const [latest] = await rows(sqlConnection(container),
    `SELECT id, version, status FROM repair_quote WHERE repair_job_id = ? AND deleted_at IS NULL ORDER BY version DESC LIMIT 1`, [input.job_id]);
  if (!latest) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Job ${input.job_id} has no quote to decide on`);
  const version = Number(latest.version);
  if (latest.status !== "sent") throw alreadyDecided(version, String(latest.status));
  const status = input.decision === "approve" ? "approved" : "rejected";
  const settings = await loadShopSettings(container);
  const decide = async (trx: SqlTransaction, job: RepairJobRecord): Promise<JobEffect[]> => {
    const won = await rows(trx,
      `UPDATE repair_quote SET status = ?, decided_at = now(), decided_by = ?, decision_channel = ?, decision_note = ?, updated_at = now()
        WHERE id = ? AND status = 'sent' AND deleted_at IS NULL RETURNING id`,
      [status, input.decided_by, input.channel, input.note ?? null, latest.id]);
    if (!won.length) {
      const [now] = await rows(trx, `SELECT status FROM repair_quote WHERE id = ?`, [latest.id]);
      throw alreadyDecided(version, String(now?.status));
    }
    if (status === "approved") {
      const waive = linesToWaiveOnApproval(await jobLines(trx, job.id), settings.repair);
      if (waive.length) await trx.raw(`UPDATE repair_line SET waived = true, updated_at = now() WHERE id = ANY(?::text[])`, [waive]);
    }
    if (input.channel !== "counter") return [];
    // A WhatsApp decision comes from the quote flow itself; only the counter's must be told to it.
    const signal: CounterDecision = { decision: input.decision, decidedBy: input.decided_by };
    return [{ id: generateEntityId(undefined, "jeff"), kind: "signal_if_running", workflow_id: QUOTE_CONFIRMATION.workflowId(job.job_number, version),
      signal: QUOTE_CONFIRMATION.signals.counterDecision, args: [signal] }];
  };
  const outcome = await commitRepairStatusChange(container, {
    id: input.job_id, to: status === "approved" ? "in_progress" : "returned_unrepaired",
    note: `Quote v${version} ${status} (${input.channel})${input.note ? `: ${input.note}` : ""}`, changed_by: input.decided_by,
  }, decide);
  // The job already stood where the decision moves it (nothing was written): the quote is still undecided.
  if (!outcome.applied) throw billingConflict("invalid_transition", "The job moved on meanwhile; the quote was not decided");
  return { quote_id: String(latest.id), version, status, owns_effects: outcome.owns_effects };
}
