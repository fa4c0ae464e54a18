import { model } from "@medusajs/framework/utils";
import { DECISION_CHANNELS, QUOTE_STATUSES } from "@voltura/domain";

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
    snapshot: model.json(),
    note: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    sent_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    decided_by: model.text().nullable(),
    decision_channel: model.enum([...DECISION_CHANNELS]).nullable(),
    decision_note: model.text().nullable(),
  })
  .indexes([{ on: ["repair_job_id", "version"], unique: true }]);
