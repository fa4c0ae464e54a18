import { z } from "zod";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../dispatch-roles";
import { campaignAnalytics, loadCampaignHead } from "../../../../../modules/campaigns/analytics/analytics";
import { allRecipients, recipientsCsv } from "../../../../../modules/campaigns/analytics/export";
import { campaignReportPdf } from "./report";

const querySchema = z.object({
  format: z.enum(["csv", "pdf"], { message: "format must be csv or pdf" }).default("csv"),
  run_no: z.coerce.number().int().min(1).optional(),
});

const fileSafe = (name: string) => name.replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "campaign";

/** A run's recipients as CSV, or the PDF report with its chart. Every export is an audit row. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(querySchema, req.query);
  const db = sqlConnection(req.scope);
  const head = await loadCampaignHead(db, req.params.id!);
  const runNo = query.run_no ?? Math.max(head.run_no, 1);
  const base = `campaign-${fileSafe(head.name)}-run${runNo}`;
  if (query.format === "csv") {
    const recipients = await allRecipients(db, head.id, runNo);
    await recordAudit(req, { action: "export.campaign_recipients", entity: "campaign", entity_id: head.id, metadata: { run_no: runNo, rows: recipients.length } });
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${base}.csv"`);
    res.send(recipientsCsv(recipients));
    return;
  }
  const analytics = await campaignAnalytics(db, head.id, runNo);
  const pdf = await campaignReportPdf(req.scope, head, analytics);
  await recordAudit(req, { action: "export.campaign_report", entity: "campaign", entity_id: head.id, metadata: { run_no: runNo } });
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Disposition", `attachment; filename="${base}.pdf"`);
  res.send(pdf);
});
