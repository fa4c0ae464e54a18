import { model } from "@medusajs/framework/utils";
import { DECISION_CHANNELS, QUOTE_STATUSES, type BillingTotals } from "@voltura/domain";
import type { RepairLine } from "@voltura/contracts";

/** What a sent quote froze: the lines as the customer saw them, the totals and the tax basis. */
export interface QuoteSnapshot {
  lines: RepairLine[];
  totals: BillingTotals;
  sst_rate_bp: number;
  prices_include_tax: boolean;
}

/**
 * A quote for a job, versioned per job (1, 2, …). Sending freezes the lines and totals into
 * `snapshot`; the decision (approve / reject) is taken once, at the counter or over WhatsApp.
 */
export const RepairQuote = model
  .define("repair_quote", {
    id: model.id({ prefix: "rquote" }).primaryKey(),
    repair_job_id: model.text(),
    version: model.number(),
    status: model.enum([...QUOTE_STATUSES]).default("draft"),
    snapshot: model.json<QuoteSnapshot>(),
    note: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    sent_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    decided_by: model.text().nullable(),
    decision_channel: model.enum([...DECISION_CHANNELS]).nullable(),
    decision_note: model.text().nullable(),
  })
  .indexes([{ on: ["repair_job_id", "version"], unique: true }]);
