import { formatRate } from "./totals.js";
import { PAYMENT_METHOD_LABELS } from "./labels.js";
import { displayPhone, formatMYR, shopContactLines, shopDateTime } from "./internal/format.js";
import { drawReceipt } from "./internal/receipt-layout.js";
import { receiptDocumentSchema, type ReceiptDocument, type ReceiptDocumentData, type ReceiptLayout } from "./receipt-schema.js";

export const RECEIPT_TEXT = {
  title: "Receipt / Resit",
  number: "Receipt No. / No. Resit",
  date: "Date / Tarikh",
  cashier: "Cashier / Juruwang",
  customer: "Customer / Pelanggan",
  subtotal: "Subtotal / Jumlah kecil",
  discount: "Discount / Diskaun",
  total: "Total / Jumlah",
  rounding: "Rounding adj. / Pelarasan",
  toPay: "Total to pay / Jumlah dibayar",
  change: "Change / Baki",
  balance: "Balance due / Baki tertunggak",
  refunded: "Refunded / Dipulangkan",
  thanks: "Thank you / Terima kasih",
  sstIncluded: "Prices include SST / Harga termasuk SST",
} as const;

/** The receipt as printed lines: the layouts only place them. */
export interface ReceiptView {
  shopName: string;
  shopLines: string[];
  logo: Uint8Array | null;
  head: Array<[string, string]>;
  lines: Array<{ title: string; detail: string; amount: string }>;
  totals: Array<{ label: string; amount: string; strong?: boolean }>;
  payments: Array<[string, string]>;
  footer: string[];
}

const signed = (sen: number): string => (sen < 0 ? `-${formatMYR(-sen)}` : formatMYR(sen));

export function receiptView(r: ReceiptDocument): ReceiptView {
  const head: Array<[string, string]> = [
    [RECEIPT_TEXT.number, r.receipt_number],
    [RECEIPT_TEXT.date, shopDateTime(r.sold_at)],
    [RECEIPT_TEXT.cashier, r.register ? `${r.cashier} (${r.register})` : r.cashier],
  ];
  const who = [r.customer?.name, r.customer?.phone ? displayPhone(r.customer.phone) : null].filter(Boolean).join(" · ");
  if (who) head.push([RECEIPT_TEXT.customer, who]);
  const lines = r.lines.map((l) => {
    const parts = [`${l.quantity} × ${formatMYR(l.unit_price_sen)}`];
    if (l.discount_sen > 0) parts.push(`less ${formatMYR(l.discount_sen)}`);
    parts.push(l.sst_rate_bp > 0 ? `SST ${formatRate(l.sst_rate_bp)}` : "no SST");
    if (l.returned_quantity > 0) parts.push(`${l.returned_quantity} returned`);
    return { title: l.sku ? `${l.title} [${l.sku}]` : l.title, detail: parts.join(" · "), amount: formatMYR(l.net_sen) };
  });
  const totals: ReceiptView["totals"] = [{ label: RECEIPT_TEXT.subtotal, amount: formatMYR(r.subtotal_sen) }];
  if (r.discount_sen > 0) {
    totals.push({ label: r.promo_codes.length ? `${RECEIPT_TEXT.discount} (${r.promo_codes.join(", ")})` : RECEIPT_TEXT.discount, amount: signed(-r.discount_sen) });
  }
  for (const g of r.sst_by_rate) {
    totals.push({ label: `SST ${formatRate(g.sst_rate_bp)} on ${formatMYR(g.taxable_sen)}${r.sst_included ? " (incl.)" : ""}`, amount: formatMYR(g.sst_sen) });
  }
  totals.push({ label: RECEIPT_TEXT.total, amount: formatMYR(r.total_sen), strong: r.cash_rounding_sen === 0 });
  if (r.cash_rounding_sen !== 0) {
    totals.push({ label: RECEIPT_TEXT.rounding, amount: signed(r.cash_rounding_sen) });
    totals.push({ label: RECEIPT_TEXT.toPay, amount: formatMYR(r.rounded_total_sen), strong: true });
  }
  const payments: Array<[string, string]> = r.payments.map((p) => [
    `${PAYMENT_METHOD_LABELS[p.method]}${p.reference ? ` (${p.reference})` : ""}`, formatMYR(p.tendered_sen),
  ]);
  if (r.change_sen > 0) payments.push([RECEIPT_TEXT.change, formatMYR(r.change_sen)]);
  if (r.balance_due_sen > 0) payments.push([RECEIPT_TEXT.balance, formatMYR(r.balance_due_sen)]);
  for (const refund of r.refunds) payments.push([`${RECEIPT_TEXT.refunded} ${shopDateTime(refund.at)} (${PAYMENT_METHOD_LABELS[refund.method]})`, signed(-refund.paid_out_sen)]);
  const footer = [r.sst_included ? RECEIPT_TEXT.sstIncluded : "", r.footer?.trim() ?? "", RECEIPT_TEXT.thanks].filter(Boolean);
  return { shopName: r.shop.name, shopLines: shopContactLines(r.shop), logo: r.logo ?? null, head, lines, totals, payments, footer };
}

/**
 * A counter sale's receipt as a PDF: `thermal80` (80 mm roll, as long as the content), `a5` or `a4`.
 * The cash rounding adjustment and the change are printed whenever there are any.
 * Throws a ZodError naming the field on bad input.
 */
export async function renderReceipt(data: ReceiptDocumentData, options: { layout: ReceiptLayout }): Promise<Buffer> {
  const receipt = receiptDocumentSchema.parse(data);
  const view = receiptView(receipt);
  return drawReceipt(view, options.layout, {
    title: `Receipt ${receipt.receipt_number}`, author: view.shopName, subject: RECEIPT_TEXT.title, createdAt: new Date(receipt.sold_at),
  });
}
