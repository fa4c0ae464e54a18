import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { renderSalesDocument, type SalesDocumentData } from "../index.js";
import { shop } from "./fixtures.js";
import { flat, pdfImages, pdfPages, pdfText } from "./pdf-tools.js";

const logo = (() => {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
})();

const quotation: SalesDocumentData = {
  kind: "quotation",
  number: "QUO-2026-000012",
  issued_at: "2026-11-30T02:00:00.000Z",
  valid_until: "2026-12-14T15:59:59.999Z",
  shop,
  template: { header: "Authorised Apple & Samsung parts", footer: "Thank you for your business", terms: "Prices valid for 14 days.", accent_colour: "#0f766e", logo },
  buyer: { name: "Syarikat Maju Jaya Sdn Bhd", address: "Lot 5, Jalan Industri 3, Shah Alam", tin: "C20880050010", brn: "201901012345", sst_no: "W10-1808-32000001" },
  lines: [
    { description: "iPhone 13 screen (OEM)", quantity: 2, unit_price_sen: 45000, discount_sen: 5000, sst_rate_bp: 800, amount_sen: 85000 },
    { description: "Labour: screen replacement", quantity: 2, unit_price_sen: 8000, sst_rate_bp: 800, amount_sen: 16000 },
  ],
  totals: { subtotal_sen: 106000, discount_sen: 5000, sst_sen: 8080, total_sen: 109080, prices_include_tax: false },
};

describe("renderSalesDocument", () => {
  it("prints the template, shop ids, buyer tax ids, lines and totals on one A4 page", async () => {
    const pdf = await renderSalesDocument(quotation);
    expect(pdfPages(pdf)).toEqual([{ width: 595.28, height: 841.89 }]);
    const text = flat(pdfText(pdf));
    for (const expected of [
      "QUOTATION", "Sebut Harga", "QUO-2026-000012", shop.name, `SST No. ${shop.sst_no}`, "Authorised Apple & Samsung parts",
      "Syarikat Maju Jaya Sdn Bhd", "TIN C20880050010", "BRN 201901012345", "SST No. W10-1808-32000001",
      "iPhone 13 screen (OEM)", "RM 1,090.80", "Prices valid for 14 days.", "Thank you for your business",
    ]) expect(text).toContain(expected);
    expect(pdfImages(pdf).length).toBeGreaterThan(0);
  });

  it("shows payments and the balance on an invoice", async () => {
    const pdf = await renderSalesDocument({
      ...quotation, kind: "invoice", number: "INV-2026-000044", valid_until: undefined, reference: "Quotation QUO-2026-000012",
      template: { accent_colour: "#123456" },
      payments: [{ method: "bank_transfer", amount_sen: 50000, paid_at: "2026-12-01T03:00:00.000Z", reference: "FT123" }],
    });
    const text = flat(pdfText(pdf));
    expect(text).toContain("INVOICE");
    expect(text).toContain("Quotation QUO-2026-000012");
    expect(text).toContain("FT123");
    expect(flat(pdfText(pdf, "layout"))).toContain("Balance due / Baki perlu dibayar RM 590.80");
    expect(pdfImages(pdf)).toEqual([]);
  });

  it.each([
    [{ template: { accent_colour: "teal" } }, "template.accent_colour"],
    [{ lines: [] }, "lines"],
    [{ buyer: { name: "" } }, "buyer.name"],
  ])("rejects bad input %j naming %s", async (patch, field) => {
    const error = await renderSalesDocument({ ...quotation, ...patch } as SalesDocumentData).catch((e: unknown) => e);
    expect(JSON.stringify((error as { issues: Array<{ path: unknown[] }> }).issues.map((i) => i.path.join(".")))).toContain(field);
  });
});

describe("renderReportPdf", () => {
  it("prints the summary and every section as a table, and a placeholder for empty ones", async () => {
    const { renderReportPdf } = await import("../index.js");
    const pdf = await renderReportPdf({
      title: "Sales report", period: "1 Nov 2026 – 30 Nov 2026 (Asia/Kuala_Lumpur)", generated_at: "2026-12-01T01:00:00.000Z", shop,
      summary: [["Revenue", "RM 1,234.00"], ["Sales", "12"]],
      sections: [
        { title: "Daily sales", columns: [{ title: "Day" }, { title: "Revenue", align: "right" }], rows: [["2026-11-30", "RM 1,234.00"]] },
        { title: "Technicians", columns: [{ title: "Technician" }, { title: "Jobs", align: "right" }], rows: [] },
      ],
    });
    expect(pdfPages(pdf)[0]).toEqual({ width: 841.89, height: 595.28 });
    const text = flat(pdfText(pdf));
    for (const expected of ["Sales report", "RM 1,234.00", "Daily sales", "2026-11-30", "Technicians", "No data in this period"]) expect(text).toContain(expected);
  });

  it("refuses rows that do not fit the columns", async () => {
    const { renderReportPdf } = await import("../index.js");
    await expect(renderReportPdf({
      title: "x", period: "y", generated_at: "2026-12-01T01:00:00.000Z", shop,
      sections: [{ title: "s", columns: [{ title: "a" }], rows: [["1", "2"]] }],
    })).rejects.toThrow(/one cell per column/);
  });
});
