import type { BulkRepairJobsAnswer } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";

/** The bulk bar's answer in words: how many jobs changed, and why each refused one was refused. */
export function bulkSummary(answer: BulkRepairJobsAnswer): { headline: string; refusals: Array<{ id: string; text: string }> } {
  const changed = answer.action === "status" ? m.table_jobs_moved({ count: answer.succeeded }) : m.table_jobs_assigned({ count: answer.succeeded });
  const headline = answer.failed === 0 ? changed : `${changed} ${m.table_jobs_not_changed({ count: answer.failed })}`;
  const refusals = answer.results
    .filter((r) => !r.ok)
    .map((r) => ({ id: r.id, text: `${r.job_number ?? r.id}: ${r.error?.message ?? ""}` }));
  return { headline, refusals };
}
