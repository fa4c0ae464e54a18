import { z } from "zod";
import { M } from "./internal/commercial.js";
import { drawText, ensureRoom, hRule, PRINT_THEME as T } from "./internal/draw.js";
import { shopDateTime } from "./internal/format.js";
import { createPdf, finishWithFooter, type Pdf } from "./internal/pdf.js";
import { drawTable } from "./internal/table.js";
import { documentShopSchema } from "./schemas.js";

const count = z.number().int().min(0);

export const campaignReportSchema = z.object({
  campaign_name: z.string().trim().min(1).max(200),
  run_no: z.number().int().min(1),
  status: z.string().max(40),
  generated_at: z.iso.datetime({ offset: true }),
  shop: documentShopSchema,
  counts: z.object({
    total: count, queued: count, sending: count, sent: count, delivered: count, read: count,
    failed: count, skipped: count, replied: count, opted_out: count, converted: count,
  }),
  /** Fractions 0–1 over the messages that went out. */
  rates: z.object({ delivery: z.number(), read: z.number(), response: z.number(), conversion: z.number() }),
  progress_pct: z.number().min(0).max(100),
  eta: z.string().nullable(),
  failed_by_reason: z.array(z.object({ reason: z.string().max(200), count })).max(50),
  skipped_by_reason: z.array(z.object({ reason: z.string().max(200), count })).max(50),
  sent_per_day: z.array(z.object({ day: z.string().max(10), sent: count, delivered: count, read: count })).max(400),
});
export type CampaignReportData = z.input<typeof campaignReportSchema>;

const A4: [number, number] = [595.28, 841.89];
const SERIES = [
  { key: "sent", label: "Sent", color: "#9fb8d0" },
  { key: "delivered", label: "Delivered", color: "#3f7cb0" },
  { key: "read", label: "Read", color: "#0d4a7a" },
] as const;

const pct = (f: number) => `${(Math.round(f * 1000) / 10).toFixed(1)}%`;

/** Grouped bars per shop day (sent, delivered, read), with a scale and a legend. Returns the height used. */
function drawDailyChart(pdf: Pdf, data: z.infer<typeof campaignReportSchema>["sent_per_day"], x: number, y: number, width: number): number {
  const height = 170;
  const plotTop = y + 18;
  const plotHeight = height - 50;
  const plotLeft = x + 30;
  const plotWidth = width - 30;
  drawText(pdf, T, "Messages per day (shop time)", x, y, width, { size: 10, bold: true, color: T.accent });
  const days = data.slice(-31);
  const max = Math.max(1, ...days.map((d) => d.sent));
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * 4;
  for (let i = 0; i <= 4; i++) {
    const gy = plotTop + plotHeight - (plotHeight * i) / 4;
    hRule(pdf, T, plotLeft, gy, plotWidth, { weight: 0.3 });
    drawText(pdf, T, String(step * i), x, gy - 4, 26, { size: 6.5, color: T.muted, align: "right" });
  }
  if (!days.length) {
    drawText(pdf, T, "Nothing sent yet", plotLeft, plotTop + plotHeight / 2 - 5, plotWidth, { size: 9, color: T.muted, align: "center" });
  }
  const slot = plotWidth / Math.max(days.length, 1);
  const bar = Math.min(14, (slot * 0.8) / SERIES.length);
  days.forEach((d, i) => {
    const groupLeft = plotLeft + i * slot + (slot - bar * SERIES.length) / 2;
    SERIES.forEach((s, j) => {
      const h = (plotHeight * d[s.key]) / top;
      if (h > 0) pdf.save().rect(groupLeft + j * bar, plotTop + plotHeight - h, bar - 1, h).fill(s.color).restore();
    });
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0) {
      drawText(pdf, T, d.day.slice(5), plotLeft + i * slot, plotTop + plotHeight + 3, slot, { size: 6.5, color: T.muted, align: "center" });
    }
  });
  let lx = plotLeft;
  for (const s of SERIES) {
    pdf.save().rect(lx, plotTop + plotHeight + 18, 8, 8).fill(s.color).restore();
    drawText(pdf, T, s.label, lx + 11, plotTop + plotHeight + 18, 60, { size: 7.5 });
    lx += 72;
  }
  return height;
}

/** Horizontal bars of the funnel: recipients → sent → delivered → read → replied → converted. */
function drawFunnel(pdf: Pdf, c: z.infer<typeof campaignReportSchema>["counts"], x: number, y: number, width: number): number {
  const steps: Array<[string, number]> = [
    ["Recipients", c.total], ["Sent", c.sent], ["Delivered", c.delivered], ["Read", c.read], ["Replied", c.replied], ["Converted", c.converted],
  ];
  const labelW = 70;
  const barW = width - labelW - 60;
  const max = Math.max(1, c.total);
  let yy = y + drawText(pdf, T, "Funnel", x, y, width, { size: 10, bold: true, color: T.accent }) + 6;
  for (const [label, n] of steps) {
    drawText(pdf, T, label, x, yy + 1, labelW, { size: 8 });
    pdf.save().rect(x + labelW, yy, Math.max(1, (barW * n) / max), 10).fill("#3f7cb0").restore();
    drawText(pdf, T, String(n), x + labelW + barW + 6, yy + 1, 54, { size: 8, align: "right" });
    yy += 15;
  }
  return yy - y;
}

/** A campaign run's report: summary, the daily chart, the funnel and the failure / skip reasons. */
export async function renderCampaignReportPdf(data: CampaignReportData): Promise<Buffer> {
  const r = campaignReportSchema.parse(data);
  const width = A4[0] - 2 * M;
  const { doc: pdf, finished } = createPdf({
    size: A4, margins: { top: M, left: M, right: M, bottom: 46 },
    title: `Campaign report · ${r.campaign_name}`, author: r.shop.name, subject: "Campaign report", createdAt: new Date(r.generated_at),
  });
  const runningHead = (): number => {
    drawText(pdf, T, `${r.shop.name}  ·  Campaign report  ·  ${r.campaign_name} (run ${r.run_no})`, M, M, width, { size: 8, color: T.muted });
    hRule(pdf, T, M, M + 14, width);
    return M + 22;
  };
  let y = M + drawText(pdf, T, `Campaign report: ${r.campaign_name}`, M, M, width, { size: 16, bold: true, color: T.accent });
  y += drawText(pdf, T, `${r.shop.name} · run ${r.run_no} · ${r.status} · ${r.progress_pct}% done${r.eta ? ` · expected to finish ${shopDateTime(r.eta)}` : ""}`, M, y + 2, width, { size: 9.5 }) + 10;
  const summary: Array<[string, string]> = [
    ["Recipients", String(r.counts.total)], ["Sent", String(r.counts.sent)], ["Delivery rate", pct(r.rates.delivery)],
    ["Read rate", pct(r.rates.read)], ["Response rate", pct(r.rates.response)], ["Conversion", pct(r.rates.conversion)],
    ["Queued", String(r.counts.queued + r.counts.sending)], ["Failed", String(r.counts.failed)], ["Skipped", String(r.counts.skipped)],
    ["Opted out", String(r.counts.opted_out)], ["Replied", String(r.counts.replied)], ["Converted", String(r.counts.converted)],
  ];
  const colW = width / 6;
  summary.forEach(([label, value], i) => {
    const sx = M + (i % 6) * colW;
    const top = y + Math.floor(i / 6) * 32;
    drawText(pdf, T, label.toUpperCase(), sx, top, colW - 8, { size: 7, bold: true, color: T.muted });
    drawText(pdf, T, value, sx, top + 10, colW - 8, { size: 12, bold: true });
  });
  y += 2 * 32 + 10;
  y += drawDailyChart(pdf, r.sent_per_day, M, y, width) + 10;
  y = ensureRoom(pdf, y, 110, runningHead);
  y += drawFunnel(pdf, r.counts, M, y, width) + 14;
  for (const [title, list] of [["Failed, by reason", r.failed_by_reason], ["Skipped, by reason", r.skipped_by_reason]] as const) {
    y = ensureRoom(pdf, y, 60, runningHead);
    y += drawText(pdf, T, title, M, y, width, { size: 11, bold: true, color: T.accent }) + 4;
    const rows = list.length ? list.map((x) => [{ text: x.reason }, { text: String(x.count) }]) : [[{ text: "None" }, { text: "" }]];
    y = drawTable(pdf, T, { x: M, size: 8.5, onNewPage: runningHead, rows, columns: [
      { title: "Reason", align: "left", width: width * 0.75 }, { title: "Recipients", align: "right", width: width * 0.25 },
    ] }, y) + 14;
  }
  finishWithFooter(pdf, `Campaign report · generated ${r.generated_at.slice(0, 16).replace("T", " ")} UTC`, { font: T.regular, size: 7, color: T.muted });
  return finished;
}
