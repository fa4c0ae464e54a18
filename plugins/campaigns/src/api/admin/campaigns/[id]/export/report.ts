import type { MedusaContainer } from "@medusajs/framework/types";
import { renderCampaignReportPdf } from "@voltura/documents";
import type { CampaignAnalytics } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";

/** The run's PDF report (summary, daily chart, funnel, reasons) with the shop's letterhead. */
export async function campaignReportPdf(container: MedusaContainer, head: { name: string }, analytics: CampaignAnalytics): Promise<Buffer> {
  const shop = (await loadShopSettings(container)).business;
  return renderCampaignReportPdf({
    campaign_name: head.name, run_no: analytics.run_no, status: analytics.status, generated_at: new Date().toISOString(), shop,
    counts: analytics.counts, rates: analytics.rates, progress_pct: analytics.progress_pct, eta: analytics.eta,
    failed_by_reason: analytics.failed_by_reason.slice(0, 50), skipped_by_reason: analytics.skipped_by_reason.slice(0, 50),
    sent_per_day: analytics.sent_per_day.slice(-400),
  });
}
