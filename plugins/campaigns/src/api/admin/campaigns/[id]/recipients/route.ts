import { listCampaignRecipientsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../dispatch-roles";
import { loadCampaignHead } from "../../../../../modules/campaigns/analytics/analytics";
import { recipientCountStatement, recipientPageStatement, toRecipientRow } from "../../../../../modules/campaigns/analytics/recipients-sql";
import { tallyCount } from "../../../../../modules/campaigns/analytics/run-tally";

/** The per-recipient drill-down: keyset pages in frozen order, filtered by status and run. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(listCampaignRecipientsQuerySchema, req.query);
  const db = sqlConnection(req.scope);
  const campaignId = req.params.id!;
  const head = await loadCampaignHead(db, campaignId);
  const filter = { campaignId, status: query.status, runNo: query.run_no };
  const page = recipientPageStatement({ ...filter, after: query.after }, query.limit + 1);
  const found = await rows(db, page.sql, page.bindings);
  // Quiet runs answer from their tallies; a run still changing is counted (exactly: one campaign is at most tens of thousands).
  const runNos = query.run_no ? [query.run_no] : Array.from({ length: head.run_no }, (_, i) => i + 1);
  let n = await tallyCount(db, campaignId, runNos, query.status);
  if (n === null) {
    const counted = recipientCountStatement(filter);
    n = Number((await rows(db, counted.sql, counted.bindings))[0]?.n ?? 0);
    if (n > 1000) {
      const exact = recipientCountStatement(filter, false);
      n = Number((await rows(db, exact.sql, exact.bindings))[0]?.n ?? n);
    }
  }
  const more = found.length > query.limit;
  const recipients = found.slice(0, query.limit).map(toRecipientRow);
  res.json({
    recipients, count: n, count_estimated: false,
    next_cursor: more ? recipients[recipients.length - 1]!.id : null,
  });
});
