import { describe, expect, it } from "vitest";
import { buildConsolidatedDocument, buildMyInvoisDocument, monthPeriod, taxTypeCode, type SupplierProfile } from "../domain/myinvois/build";
import { GENERAL_PUBLIC_TIN, myInvoisDocumentSchema } from "../domain/myinvois/schema";

const supplier: SupplierProfile = {
  name: "Voltura Demo Repair", tin: "C20880050010", brn: "202601012345", sst_no: "W10-2601-32000123", msic_code: "95120",
  msic_name: "Repair of communication equipment", phone: "+60321411234", email: "hello@voltura.demo",
  address_lines: ["12 Jalan Tun Razak"], city: "Kuala Lumpur", postcode: "50400", state_code: "14",
};
const buyer = {
  name: "Syarikat Maju Jaya Sdn Bhd", tin: "C10000000020", id_scheme: "BRN" as const, id_value: "201901012345", sst_no: "W10-1808-32000001",
  phone: "+60355551234", email: "accounts@majujaya.my", address: "Lot 5, Jalan Industri 3, Shah Alam",
};
const lines = [
  { description: "iPhone 13 screen", quantity: 2, unit_price_sen: 45000, discount_sen: 5000, net_sen: 85000, sst_sen: 6800, sst_rate_bp: 800, service: false, classification_code: "022" },
  { description: "Screen replacement labour", quantity: 1, unit_price_sen: 8000, discount_sen: 0, net_sen: 8000, sst_sen: 640, sst_rate_bp: 800, service: true, classification_code: "022" },
  { description: "Courier (no SST)", quantity: 1, unit_price_sen: 1500, discount_sen: 0, net_sen: 1500, sst_sen: 0, sst_rate_bp: 0, service: true, classification_code: "022" },
];

const build = () => buildMyInvoisDocument({ number: "INV-2026-000044", issued_at: new Date("2026-11-30T08:05:00Z"), supplier, buyer, lines, prices_include_tax: false });

describe("MyInvois invoice document", () => {
  it("maps an invoice to UBL 2.1 JSON with namespaces, parties, tax totals and lines", () => {
    const doc = build();
    expect(doc._D).toBe("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
    const inv = doc.Invoice[0]!;
    expect(inv.IssueDate[0]!._).toBe("2026-11-30");
    expect(inv.IssueTime[0]!._).toBe("08:05:00Z");
    expect(inv.InvoiceTypeCode[0]).toEqual({ _: "01", listVersionID: "1.0" });
    const party = inv.AccountingSupplierParty[0]!.Party[0]!;
    expect(party.IndustryClassificationCode[0]).toEqual({ _: "95120", name: "Repair of communication equipment" });
    expect(party.PartyIdentification.map((p) => [p.ID[0]!.schemeID, p.ID[0]!._])).toEqual([
      ["TIN", "C20880050010"], ["BRN", "202601012345"], ["SST", "W10-2601-32000123"], ["TTX", "NA"],
    ]);
    const customer = inv.AccountingCustomerParty[0]!.Party[0]!;
    expect(customer.PartyIdentification[0].ID[0]!._).toBe("C10000000020");
    expect(customer.PostalAddress[0]!.AddressLine.map((l) => l.Line[0]!._)).toEqual(["Lot 5", "Jalan Industri 3", "Shah Alam"]);
    expect(inv.TaxTotal[0]!.TaxAmount[0]!._).toBe(74.4);
    expect(inv.TaxTotal[0]!.TaxSubtotal.map((s) => [s.TaxCategory[0]!.ID[0]!._, s.TaxableAmount[0]!._, s.TaxAmount[0]!._])).toEqual([
      ["01", 850, 68], ["02", 80, 6.4], ["06", 15, 0],
    ]);
    expect(inv.LegalMonetaryTotal[0]).toMatchObject({
      LineExtensionAmount: [{ _: 945 }], TaxExclusiveAmount: [{ _: 945 }], TaxInclusiveAmount: [{ _: 1019.4 }], PayableAmount: [{ _: 1019.4 }],
      AllowanceTotalAmount: [{ _: 50 }],
    });
    const first = inv.InvoiceLine[0]!;
    expect(first.AllowanceCharge![0]!.Amount[0]!._).toBe(50);
    expect(first.ItemPriceExtension[0]!.Amount[0]!._).toBe(900);
    expect(first.Item[0]!.CommodityClassification[0]!.ItemClassificationCode[0]).toEqual({ _: "022", listID: "CLASS" });
  });

  it("maps tax types: goods 01, services 02, no SST 06", () => {
    expect(taxTypeCode({ sst_rate_bp: 1000, service: false })).toBe("01");
    expect(taxTypeCode({ sst_rate_bp: 800, service: true })).toBe("02");
    expect(taxTypeCode({ sst_rate_bp: 0, service: true })).toBe("06");
  });

  it("takes the SST out of tax-inclusive prices", () => {
    const doc = buildMyInvoisDocument({
      number: "INV-2026-000045", issued_at: new Date(), supplier, buyer, prices_include_tax: true,
      lines: [{ description: "Charger", quantity: 1, unit_price_sen: 10800, discount_sen: 0, net_sen: 10800, sst_sen: 800, sst_rate_bp: 800, service: false, classification_code: "022" }],
    });
    expect(doc.Invoice[0]!.LegalMonetaryTotal[0]!.TaxExclusiveAmount[0]!._).toBe(100);
    expect(doc.Invoice[0]!.LegalMonetaryTotal[0]!.PayableAmount[0]!._).toBe(108);
  });
});

describe("MyInvois structure validation (negative)", () => {
  const valid = () => JSON.parse(JSON.stringify(build())) as Record<string, never>;
  const issuesOf = (doc: unknown) => {
    const r = myInvoisDocumentSchema.safeParse(doc);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };

  it("accepts the built document", () => {
    expect(issuesOf(valid())).toEqual([]);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutating arbitrary paths of the JSON document
  it.each<[string, (d: any) => void, string]>([
    ["missing supplier TIN", (d) => d.Invoice[0].AccountingSupplierParty[0].Party[0].PartyIdentification.shift(), "PartyIdentification"],
    ["bad MSIC code", (d) => { d.Invoice[0].AccountingSupplierParty[0].Party[0].IndustryClassificationCode[0]._ = "9512"; }, "IndustryClassificationCode.0._"],
    ["two issue dates", (d) => d.Invoice[0].IssueDate.push({ _: "2026-11-30" }), "IssueDate"],
    ["unknown tax type", (d) => { d.Invoice[0].TaxTotal[0].TaxSubtotal[0].TaxCategory[0].ID[0]._ = "09"; }, "TaxCategory.0.ID.0._"],
    ["no lines", (d) => { d.Invoice[0].InvoiceLine = []; }, "InvoiceLine"],
    ["wrong namespace", (d) => { d._D = "urn:x"; }, "_D"],
    ["unknown element", (d) => { d.Invoice[0].Foo = [{ _: 1 }]; }, "Invoice.0"],
    ["sub-sen amount", (d) => { d.Invoice[0].InvoiceLine[0].Price[0].PriceAmount[0]._ = 1.234; }, "PriceAmount.0._"],
    ["totals that do not add up", (d) => { d.Invoice[0].LegalMonetaryTotal[0].LineExtensionAmount[0]._ = 1; }, "LegalMonetaryTotal.0.LineExtensionAmount"],
    ["tax not summed", (d) => { d.Invoice[0].TaxTotal[0].TaxAmount[0]._ = 1; }, "TaxTotal.0.TaxAmount"],
    ["bad state code", (d) => { d.Invoice[0].AccountingSupplierParty[0].Party[0].PostalAddress[0].CountrySubentityCode[0]._ = "18"; }, "CountrySubentityCode"],
  ])("rejects %s", (_name, mutate, path) => {
    const doc = valid();
    mutate(doc);
    expect(issuesOf(doc).join(" | ")).toContain(path);
  });
});

describe("MyInvois consolidated monthly document", () => {
  it("has the general public buyer, classification 004, one line per receipt and the month as period", () => {
    const doc = buildConsolidatedDocument({
      number: "CON-2026-11", month: "2026-11", issued_at: new Date("2026-12-03T01:00:00Z"), supplier, prices_include_tax: false,
      receipts: [
        { reference: "RCP-2026-000101", net_sen: 10000, sst_sen: 800, sst_rate_bp: 800, service: false },
        { reference: "INV-2026-000040", net_sen: 25000, sst_sen: 2000, sst_rate_bp: 800, service: true },
      ],
    });
    const inv = doc.Invoice[0]!;
    expect(inv.InvoicePeriod![0]).toEqual({ StartDate: [{ _: "2026-11-01" }], EndDate: [{ _: "2026-11-30" }], Description: [{ _: "Monthly" }] });
    const ids = inv.AccountingCustomerParty[0]!.Party[0]!.PartyIdentification;
    expect(ids[0].ID[0]).toEqual({ _: GENERAL_PUBLIC_TIN, schemeID: "TIN" });
    expect(ids[1].ID[0]).toEqual({ _: "NA", schemeID: "BRN" });
    expect(inv.InvoiceLine.map((l) => [l.Item[0]!.Description[0]!._, l.Item[0]!.CommodityClassification[0]!.ItemClassificationCode[0]!._])).toEqual([
      ["RCP-2026-000101", "004"], ["INV-2026-000040", "004"],
    ]);
    expect(inv.LegalMonetaryTotal[0]!.PayableAmount[0]!._).toBe(378);
    expect(myInvoisDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("refuses a month that is not one and a consolidated file with no receipts", () => {
    expect(() => monthPeriod("2026-00")).toThrow(RangeError);
    expect(monthPeriod("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(() => buildConsolidatedDocument({ number: "CON-2026-11", month: "2026-11", issued_at: new Date(), supplier, receipts: [], prices_include_tax: false })).toThrow();
  });
});
