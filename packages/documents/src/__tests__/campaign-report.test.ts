import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { renderCampaignReportPdf, type CampaignReportData } from "../index.js";
import { quote } from "./fixtures.js";
import { flat, pagePng, pdfPages, pdfText } from "./pdf-tools.js";

const report: CampaignReportData = {
  campaign_name: "Promosi Hari Raya", run_no: 1, status: "completed", generated_at: "2027-01-20T02:00:00Z", shop: quote.shop,
  counts: { total: 200, queued: 0, sending: 0, sent: 180, delivered: 170, read: 120, failed: 8, skipped: 12, replied: 22, opted_out: 3, converted: 5 },
  rates: { delivery: 0.9444, read: 0.6667, response: 0.1222, conversion: 0.0278 },
  progress_pct: 100, eta: null,
  failed_by_reason: [{ reason: "error_463", count: 5 }, { reason: "not on WhatsApp", count: 3 }],
  skipped_by_reason: [{ reason: "opted_out", count: 10 }, { reason: "contact_cap", count: 2 }],
  sent_per_day: [
    { day: "2027-01-13", sent: 100, delivered: 95, read: 70 },
    { day: "2027-01-14", sent: 80, delivered: 75, read: 50 },
  ],
};

/** Pixels of the chart's "Read" bar colour (#0d4a7a), give or take anti-aliasing. */
function readBarPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (Math.abs(r - 0x0d) < 12 && Math.abs(g - 0x4a) < 12 && Math.abs(b - 0x7a) < 12) n++;
  }
  return n;
}

describe("campaign report", () => {
  it("is an A4 page with the summary, rates, the funnel and the reasons", async () => {
    const pdf = await renderCampaignReportPdf(report);
    expect(pdfPages(pdf)).toEqual([{ width: 595.28, height: 841.89 }]);
    const text = flat(pdfText(pdf));
    for (const expected of [
      "Campaign report: Promosi Hari Raya", "run 1", "completed", "94.4%", "66.7%", "12.2%", "2.8%", "Messages per day",
      "01-13", "01-14", "Funnel", "Failed, by reason", "error_463", "not on WhatsApp", "Skipped, by reason", "opted_out", "contact_cap",
    ]) expect(text).toContain(expected);
  });

  it("draws the daily bars to scale: more sends, more ink", async () => {
    const withBars = readBarPixels(pagePng(await renderCampaignReportPdf(report), 1, 72));
    const withoutRead = readBarPixels(pagePng(await renderCampaignReportPdf({
      ...report, sent_per_day: report.sent_per_day.map((d) => ({ ...d, read: 0 })),
    }), 1, 72));
    expect(withBars).toBeGreaterThan(withoutRead + 200);
  });

  it("says so when nothing was sent yet, and refuses a malformed report", async () => {
    const empty = flat(pdfText(await renderCampaignReportPdf({ ...report, sent_per_day: [] })));
    expect(empty).toContain("Nothing sent yet");
    await expect(renderCampaignReportPdf({ ...report, run_no: 0 })).rejects.toThrow(/run_no/);
  });
});
