import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderQuote, type DocumentLineData, type QuoteDocumentData } from "../index.js";
import { quote, terms } from "./fixtures.js";
import { flat, keepPreview, pdfImages, pdfPages, pdfPageText, pdfText } from "./pdf-tools.js";

const A4 = { width: 595.28, height: 841.89 };
let pdf: Buffer;
let text: string;
/** Same text in layout mode: each summary row reads "label amount". */
let rows: string;

beforeAll(async () => {
  pdf = await renderQuote(quote);
  text = flat(pdfText(pdf));
  rows = flat(pdfText(pdf, "layout"));
  keepPreview("quote", pdf, 90);
});

describe("quote", () => {
  it("is one A4 page", () => {
    expect(pdfPages(pdf)).toEqual([A4]);
  });

  it("prints the shop with its SST number, the quote, the job, the customer and the device", () => {
    for (const expected of [
      "Voltura Demo Repair", "SST No. W10-2601-32000123", "QUOTE", "Sebut Harga", "QT-2026-000045",
      "5 Mar 2026", "VSH-2026-000123", "Nurul Aina binti Razak", "012-345 6789",
      "Samsung Galaxy S23 Ultra", "IMEI / Serial 356789104512345", "OLED bleeding",
    ]) expect(text, expected).toContain(expected);
    // A repair quote is never called a quotation (that is the numbered sales document).
    expect(text.toLowerCase()).not.toContain("quotation");
    for (const expected of ["Version / Versi 2", "Valid until / Sah sehingga 12 Mar 2026", "Job No. / No. Kerja VSH-2026-000123"]) {
      expect(rows, expected).toContain(expected);
    }
  });

  it("lists parts with their grade and labour as hours × rate", () => {
    for (const expected of [
      "Display assembly with frame (Galaxy S23 Ultra)", "Original (service pack)", "RM 250.00",
      "Screen replacement and frame straightening", "RM 50.00/h", "Labour / Upah: 2 h × RM 50.00", "RM 100.00",
      "Diagnostic fee", "Waived / Dikecualikan",
    ]) expect(text, expected).toContain(expected);
  });

  it("adds up: subtotal, SST 8%, waived, total, deposit and amount due", () => {
    expect(rows).toContain("Subtotal / Jumlah kecil RM 350.00");
    expect(rows).toContain("SST 8% RM 28.00");
    expect(rows).toContain("Waived / Dikecualikan (not charged) RM 30.00");
    expect(rows).toContain("Total / Jumlah RM 378.00");
    expect(rows).toContain("Deposit paid / Deposit dibayar −RM 50.00");
    expect(rows).toContain("Amount due / Jumlah perlu dibayar RM 328.00");
  });

  it("says how to approve, how long it is valid and the shop's terms", () => {
    expect(text).toContain("Reply SETUJU to approve / TAK SETUJU to decline");
    expect(text).toContain("Balas SETUJU untuk meluluskan atau TAK SETUJU untuk menolak melalui WhatsApp 012-345 0000");
    expect(text).toContain("Valid until 12 Mar 2026");
    expect(text).toContain(terms);
    expect(text).toContain("Page 1 of 1");
  });

  it("prints SST as included when prices include it, and none for an exempt shop", async () => {
    const included = flat(pdfText(await renderQuote({ ...quote, tax: { ...quote.tax, prices_include_tax: true } }), "layout"));
    expect(included).toContain("SST 8% (included / termasuk) RM 25.93");
    expect(included).toContain("Total / Jumlah RM 350.00");
    const exempt = flat(pdfText(await renderQuote({ ...quote, tax: { ...quote.tax, exempt: true }, shop: { ...quote.shop, sst_no: null } }), "layout"));
    expect(exempt).not.toContain("SST");
    expect(exempt).toContain("Total / Jumlah RM 350.00");
  });

  it("marks lines outside SST and leaves them out of the SST base", async () => {
    const courier = { kind: "fee", description: "Courier to service centre", amount_sen: 2000, taxable: false } as const;
    const out = await renderQuote({ ...quote, lines: [...quote.lines, courier] });
    expect(flat(pdfText(out))).toContain("No SST / Tiada SST");
    const summary = flat(pdfText(out, "layout"));
    expect(summary).toContain("Subtotal / Jumlah kecil RM 370.00");
    expect(summary).toContain("SST 8% RM 28.00");
    expect(summary).toContain("Total / Jumlah RM 398.00");
  });

  it("gives the same bytes for the same input", async () => {
    expect((await renderQuote(quote)).equals(pdf)).toBe(true);
  });
});

describe("long quotes", () => {
  it("paginates the line table and repeats its header on every page", async () => {
    const lines: DocumentLineData[] = Array.from({ length: 70 }, (_, i) => ({
      kind: "part", description: `Spare part number ${i + 1} with a description long enough to wrap onto a second line of the table cell`,
      grade: "OEM", quantity: 1, unit_price_sen: 1000,
    }));
    const long = await renderQuote({ ...quote, lines });
    const pages = pdfPages(long);
    expect(pages.length).toBeGreaterThan(2);
    for (let page = 1; page <= pages.length; page++) {
      const pageText = pdfPageText(long, page);
      expect(pageText, `page ${page}`).toContain("Description");
      expect(pageText, `page ${page}`).toContain("Keterangan");
      expect(pageText).toContain(`Page ${page} of ${pages.length}`);
      if (page > 1) expect(pageText).toContain("(continued / sambungan)");
    }
    const all = flat(pdfText(long));
    for (let i = 1; i <= 70; i++) expect(all).toContain(`Spare part number ${i} with`);
    const summary = flat(pdfText(long, "layout"));
    expect(summary).toContain("Subtotal / Jumlah kecil RM 700.00");
    expect(summary).toContain("Total / Jumlah RM 756.00");
  });
});

describe("logo", () => {
  it("embeds the logo when one is given", async () => {
    const logo = new PNG({ width: 120, height: 60 });
    for (let i = 0; i < logo.data.length; i += 4) logo.data.set([0x0d, 0x4a, 0x7a, i % 480 < 240 ? 255 : 0], i);
    const withLogo = await renderQuote({ ...quote, logo: PNG.sync.write(logo) });
    // A logo with transparency is embedded as the image plus its alpha mask.
    expect(pdfImages(withLogo)).toEqual([[1, "image", 120, 60], [1, "smask", 120, 60]]);
    expect(pdfImages(pdf)).toEqual([]);
    keepPreview("quote-with-logo", withLogo, 90);
  });

  it("refuses a logo that is not PNG or JPEG", async () => {
    const error = await renderQuote({ ...quote, logo: Buffer.from("GIF89a") }).catch((e: unknown) => e);
    expect((error as ZodError).issues[0]!.path).toEqual(["logo"]);
  });
});

describe("bad input", () => {
  it("names the field", async () => {
    const line = quote.lines[0]!;
    for (const [patch, path] of [
      [{ job_number: "" }, ["job_number"]],
      [{ lines: [{ ...line, unit_price_sen: -100 }] }, ["lines", 0, "unit_price_sen"]],
      [{ lines: [{ ...line, quantity: 0 }] }, ["lines", 0, "quantity"]],
      [{ lines: [] }, ["lines"]],
      [{ deposit_paid_sen: -1 }, ["deposit_paid_sen"]],
      [{ tax: { ...quote.tax, sst_rate_bp: -800 } }, ["tax", "sst_rate_bp"]],
    ] as const) {
      // Deliberately malformed input: the renderer must refuse at run time what the type would not let through.
      const error = await renderQuote({ ...quote, ...patch } as unknown as QuoteDocumentData).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]!.path).toEqual(path);
    }
  });
});
