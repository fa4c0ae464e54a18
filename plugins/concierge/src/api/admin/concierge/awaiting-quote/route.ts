import { QUOTE_CONFIRMATION } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { MedusaError } from "@medusajs/framework/utils";
import { INBOX } from "../roles";
import { phoneOrThrow } from "../support";

interface JobRow { id: string; job_number: string; updated_at: Date | string }
interface QuoteRow { repair_job_id: string; version: number; status: string }

/**
 * The quote this phone's customer is being asked to decide, if any: the newest job in Awaiting
 * Approval with a sent quote → its quote-confirmation workflow id.
 */
export const GET = staffRoute(INBOX, async (req, res) => {
  const raw = typeof req.query.phone === "string" ? req.query.phone : "";
  if (!raw) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: phone is required");
  const phone = phoneOrThrow(raw);
  const repair = req.scope.resolve<{ listRepairJobs(f: object, c?: object): Promise<JobRow[]> }>("repair");
  const jobs = await repair.listRepairJobs({ customer_phone: phone, status: "awaiting_approval" }, { order: { updated_at: "DESC" }, take: 5 });
  if (jobs.length === 0) return void res.json({ awaiting: null });
  const billing = req.scope.resolve<{ listRepairQuotes(f: object, c?: object): Promise<QuoteRow[]> }>("repairBilling");
  const quotes = await billing.listRepairQuotes({ repair_job_id: jobs.map((j) => j.id), status: "sent" }, { order: { version: "DESC" } });
  for (const job of jobs) {
    const quote = quotes.find((q) => q.repair_job_id === job.id);
    if (quote) {
      return void res.json({
        awaiting: { job_number: job.job_number, version: quote.version, workflow_id: QUOTE_CONFIRMATION.workflowId(job.job_number, quote.version) },
      });
    }
  }
  res.json({ awaiting: null });
});
