import { formatMYR, type QuoteDecision } from "@voltura/domain";
import type { QuoteForCustomer } from "./activities/repair-flows.js";

/** How many quote lines the WhatsApp message lists before "and N more". */
export const QUOTE_MESSAGE_MAX_LINES = 5;

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name.trim();
}

/** The quote's lines as the message lists them (at most QUOTE_MESSAGE_MAX_LINES, then "+N more"). */
export function lineList(quote: QuoteForCustomer): string[] {
  const shown = quote.lines.slice(0, QUOTE_MESSAGE_MAX_LINES).map((line) => `• ${line.title}: ${formatMYR(line.amountSen)}`);
  const hidden = quote.lines.length - shown.length;
  if (hidden > 0) shown.push(`• +${hidden} lagi / more`);
  return shown;
}

/** The quote as sent on WhatsApp: BM first, then EN, with the total and a short list of lines. */
export function quoteMessage(quote: QuoteForCustomer, version: number): string {
  const name = firstName(quote.customerName);
  const total = formatMYR(quote.totalSen);
  const revised = version > 1 ? ` (versi ${version})` : "";
  return [
    `Salam ${name}, ini sebut harga${revised} untuk ${quote.device} anda (kerja ${quote.jobNumber}) dari ${quote.shopName}:`,
    ...lineList(quote),
    `Jumlah: ${total}`,
    "Balas SETUJU atau TAK SETUJU.",
    "",
    `Hi ${name}, here is the quote for your ${quote.device} (job ${quote.jobNumber}). Total: ${total}.`,
    "Reply SETUJU to approve or TAK SETUJU to decline.",
  ].join("\n");
}

/** Sent when the customer has not answered within the reminder time. */
export function quoteReminderMessage(quote: QuoteForCustomer): string {
  const name = firstName(quote.customerName);
  const total = formatMYR(quote.totalSen);
  return [
    `Salam ${name}, peringatan: sebut harga ${total} untuk ${quote.device} (kerja ${quote.jobNumber}) masih menunggu jawapan anda. Balas SETUJU atau TAK SETUJU.`,
    "",
    `Hi ${name}, a reminder: the ${total} quote for your ${quote.device} (job ${quote.jobNumber}) is waiting for your answer. Reply SETUJU or TAK SETUJU.`,
  ].join("\n");
}

/** Confirms the decision that commerce recorded (which may differ from the reply if the counter decided first). */
export function quoteConfirmationMessage(quote: QuoteForCustomer, decision: QuoteDecision): string {
  const name = firstName(quote.customerName);
  if (decision === "approve") {
    return [
      `Terima kasih ${name}! Sebut harga untuk ${quote.device} (kerja ${quote.jobNumber}) diluluskan. Kami akan mula membaiki dan maklumkan bila siap.`,
      "",
      `Thank you ${name}! The quote for your ${quote.device} (job ${quote.jobNumber}) is approved. We will start the repair and let you know when it is ready.`,
    ].join("\n");
  }
  return [
    `Baik ${name}, sebut harga untuk ${quote.device} (kerja ${quote.jobNumber}) ditolak. Peranti anda boleh diambil tanpa dibaiki di ${quote.shopName}.`,
    "",
    `Noted ${name}, the quote for your ${quote.device} (job ${quote.jobNumber}) is declined. You can collect your device unrepaired at ${quote.shopName}.`,
  ].join("\n");
}

/** The technician handoff's summary when the customer did not answer. */
export function quoteEscalationSummary(quote: QuoteForCustomer, version: number, hours: number): string {
  return `No reply to quote v${version} (${formatMYR(quote.totalSen)}) for ${quote.device}, job ${quote.jobNumber}, after ${hours} h: please call the customer.`;
}

/** Idempotency keys of the flow's sends: a retried activity or a replayed workflow never sends twice. */
export const quoteMessageKeys = {
  quote: (jobId: string, version: number) => `quote:${jobId}:v${version}`,
  reminder: (jobId: string, version: number) => `quote:${jobId}:v${version}:reminder`,
  confirmation: (jobId: string, version: number) => `quote:${jobId}:v${version}:confirmation`,
};
