import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderReceipt, type ReceiptDocumentData } from "../index.js";
import { shop } from "./fixtures.js";
import { flat, pdfPages, pdfText } from "./pdf-tools.js";

/** Screen protector 2 × RM 25 + cable RM 19.90 = RM 69.90, SST 8% RM 5.59 → RM 75.49; RM 40 DuitNow + cash RM 40 (cash part 35.49 → 35.50). */
const receipt: ReceiptDocumentData = {
  shop,
  receipt_number: "RCP-2026-000042",
  sold_at: "2026-03-05T07:05:00.000Z",
  cashier: "Siti Cashier",
  register: "main",
  customer: { name: "Aisyah Rahman", phone: "+60123456789" },
  lines: [
    { title: "Tempered Glass Screen Protector", sku: "ACC-TG-UNIV", quantity: 2, unit_price_sen: 2500, net_sen: 5000, sst_rate_bp: 800 },
    { title: "USB-C Cable 1m", sku: "ACC-USBC-1M", quantity: 1, unit_price_sen: 1990, net_sen: 1990, sst_rate_bp: 800 },
  ],
  subtotal_sen: 6990,
  discount_sen: 0,
  sst_by_rate: [{ sst_rate_bp: 800, taxable_sen: 6990, sst_sen: 559 }],
  sst_included: false,
  total_sen: 7549,
  cash_rounding_sen: 1,
  rounded_total_sen: 7550,
  payments: [{ method: "duitnow_qr", amount_sen: 4000, tendered_sen: 4000 }, { method: "cash", amount_sen: 3550, tendered_sen: 4000, change_sen: 450 }],
  change_sen: 450,
  balance_due_sen: 0,
};

describe("receipt", () => {
  let thermal: Buffer;
  let text: string;
  beforeAll(async () => {
    thermal = await renderReceipt(receipt, { layout: "thermal80" });
    text = flat(pdfText(thermal, "layout"));
  });

  it("is one 80 mm page as long as the content", () => {
    const pages = pdfPages(thermal);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(226.77, 1);
    expect(pages[0]!.height).toBeGreaterThan(250);
    expect(pages[0]!.height).toBeLessThan(1000);
  });

  it("prints the shop with its SST number, the receipt number, lines, SST, rounding, payments and change", () => {
    for (const expected of [
      "Voltura Demo Repair", "SST No. W10-2601-32000123", "RCP-2026-000042", "Siti Cashier (main)", "Tempered Glass Screen Protector",
      "2 × RM 25.00", "RM 50.00", "RM 19.90", "SST 8% on RM 69.90", "RM 5.59",
      "Total / Jumlah RM 75.49", "Rounding adj. / Pelarasan RM 0.01", "Total to pay / Jumlah dibayar RM 75.50", "DuitNow QR RM 40.00",
      "Cash / Tunai RM 40.00", "Change / Baki RM 4.50",
    ]) expect(text, expected).toContain(expected);
  });

  it.each([["a5", 419.53, 595.28], ["a4", 595.28, 841.89]] as const)("renders %s pages", async (layout, width, height) => {
    const pdf = await renderReceipt(receipt, { layout });
    expect(pdfPages(pdf)).toEqual([{ width, height }]);
    expect(flat(pdfText(pdf, "layout"))).toContain("Rounding adj. / Pelarasan RM 0.01");
  });

  it("leaves rounding out when there is none and shows a balance due", async () => {
    const pdf = await renderReceipt({ ...receipt, cash_rounding_sen: 0, rounded_total_sen: 7549, payments: [{ method: "card", amount_sen: 5000, tendered_sen: 5000 }], change_sen: 0, balance_due_sen: 2549 }, { layout: "thermal80" });
    const t = flat(pdfText(pdf, "layout"));
    expect(t).not.toContain("Rounding");
    expect(t).toContain("Balance due / Baki tertunggak RM 25.49");
  });

  it("refuses a receipt without lines, naming the field", async () => {
    await expect(renderReceipt({ ...receipt, lines: [] }, { layout: "thermal80" })).rejects.toThrow(ZodError);
    await expect(renderReceipt({ ...receipt, lines: [] }, { layout: "thermal80" })).rejects.toThrow(/lines/);
  });
});
