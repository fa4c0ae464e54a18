import type { MedusaContainer } from "@medusajs/framework/types";
import { renderCampaignReportPdf } from "@voltura/documents";
import { DEFAULT_SHOP_SETTINGS, readStoredShopSettings } from "@voltura/domain";
import type { CampaignAnalytics } from "@voltura/medusa-client";
import { rows, sqlConnection } from "@voltura/medusa-kit";

/** The run's PDF report (summary, daily chart, funnel, reasons) with the shop's letterhead. */
export async function campaignReportPdf(container: MedusaContainer, head: { name: string }, analytics: CampaignAnalytics): Promise<Buffer> {
  const [stored] = await rows(sqlConnection(container), `SELECT value FROM shop_setting WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
  const shop = stored ? readStoredShopSettings(stored.value).business : DEFAULT_SHOP_SETTINGS.business;
  return renderCampaignReportPdf({
    campaign_name: head.name, run_no: analytics.run_no, status: analytics.status, generated_at: new Date().toISOString(), shop,
    counts: analytics.counts, rates: analytics.rates, progress_pct: analytics.progress_pct, eta: analytics.eta,
    failed_by_reason: analytics.failed_by_reason.slice(0, 50), skipped_by_reason: analytics.skipped_by_reason.slice(0, 50),
    sent_per_day: analytics.sent_per_day.slice(-400),
  });
}
