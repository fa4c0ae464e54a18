import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderInvoice, type InvoiceDocumentData } from "../index.js";
import { invoice, terms } from "./fixtures.js";
import { flat, keepPreview, pdfPages, pdfText } from "./pdf-tools.js";

let pdf: Buffer;
let text: string;
/** Same text in layout mode: each summary row reads "label amount". */
let rows: string;

beforeAll(async () => {
  pdf = await renderInvoice(invoice);
  text = flat(pdfText(pdf));
  rows = flat(pdfText(pdf, "layout"));
  keepPreview("invoice", pdf, 90);
});

describe("invoice", () => {
  it("is one A4 page", () => {
    expect(pdfPages(pdf)).toEqual([{ width: 595.28, height: 841.89 }]);
  });

  it("prints the shop, the invoice number, the order reference, the issue date and the job", () => {
    for (const expected of [
      "Voltura Demo Repair", "Reg. No. 202601012345 (1234567-X)", "SST No. W10-2601-32000123", "INVOICE", "Invois",
      "INV-2026-000310", "VSH-2026-000123", "Nurul Aina binti Razak", "012-345 6789", "Samsung Galaxy S23 Ultra",
    ]) expect(text, expected).toContain(expected);
    for (const expected of [
      "Invoice No. / No. Invois INV-2026-000310", "Order ref. / Rujukan pesanan #1042", "Date / Tarikh 7 Mar 2026",
      "Job No. / No. Kerja VSH-2026-000123",
    ]) expect(rows, expected).toContain(expected);
  });

  it("shows each line's warranty", () => {
    expect(text).toContain("Warranty");
    expect(text).toContain("Waranti");
    expect(rows).toMatch(/1 RM 250\.00 90 days RM 250\.00/);
    expect(rows).toMatch(/1 RM 100\.00 30 days RM 100\.00/);
    expect(text).toContain("Labour, fixed price / Upah, harga tetap");
    expect(text).toContain("Original / Asli");
  });

  it("adds up totals, payments received and the balance", () => {
    expect(rows).toContain("Subtotal / Jumlah kecil RM 350.00");
    expect(rows).toContain("SST 8% RM 28.00");
    expect(rows).toContain("Waived / Dikecualikan (not charged) RM 30.00");
    expect(rows).toContain("Total / Jumlah RM 378.00");
    expect(rows).toContain("5 Mar 2026 · Cash / Tunai (Deposit) −RM 50.00");
    expect(rows).toContain("7 Mar 2026 · DuitNow QR (M2603071820) −RM 328.00");
    expect(text).toContain("PAYMENTS RECEIVED / BAYARAN DITERIMA: RM 378.00");
    expect(rows).toContain("Balance due / Baki perlu dibayar RM 0.00");
    expect(text).toContain("Paid in full. Thank you! / Dibayar penuh. Terima kasih!");
    expect(text).toContain(terms);
  });

  it("asks for the balance when it is not paid in full", async () => {
    const unpaid = await renderInvoice({ ...invoice, payments: invoice.payments!.slice(0, 1) });
    expect(flat(pdfText(unpaid, "layout"))).toContain("Balance due / Baki perlu dibayar RM 328.00");
    expect(flat(pdfText(unpaid))).toContain("Please pay RM 328.00 on collection.");
  });

  it("gives the same bytes for the same input", async () => {
    expect((await renderInvoice(invoice)).equals(pdf)).toBe(true);
  });

  it("names the field of bad input", async () => {
    for (const [patch, path] of [
      [{ invoice_number: undefined }, ["invoice_number"]],
      [{ payments: [{ method: "cash", amount_sen: -5000, paid_at: "2026-03-07T08:20:00.000Z" }] }, ["payments", 0, "amount_sen"]],
      [{ payments: [{ method: "cheque", amount_sen: 5000, paid_at: "2026-03-07T08:20:00.000Z" }] }, ["payments", 0, "method"]],
      [{ lines: [{ kind: "labour_hourly", description: "Fit", hours: -1, hourly_rate_sen: 5000 }] }, ["lines", 0, "hours"]],
      [{ lines: [{ ...invoice.lines[0]!, warranty_days: -30 }] }, ["lines", 0, "warranty_days"]],
    ] as const) {
      // Deliberately malformed input: the renderer must refuse at run time what the type would not let through.
      const error = await renderInvoice({ ...invoice, ...patch } as unknown as InvoiceDocumentData).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]!.path).toEqual(path);
    }
  });
});
