import { z } from "zod";
import {
  CONSOLIDATED_CLASSIFICATION, GENERAL_PUBLIC_TIN, INVOICE_NAMESPACES, myInvoisDocumentSchema, STATE_CODES, type MyInvoisDocument,
} from "./schema";

/** The shop as an e-invoice supplier: shop settings plus what MyInvois needs beyond them. */
export const supplierProfileSchema = z.object({
  name: z.string().min(1),
  tin: z.string().regex(/^[A-Z]{1,2}\d{8,12}0?$/, "expected the shop's TIN such as C20880050010"),
  brn: z.string().min(1),
  sst_no: z.string().nullable(),
  msic_code: z.string().regex(/^\d{5}$/),
  msic_name: z.string().min(1),
  phone: z.string().min(1),
  email: z.string().email().nullable(),
  address_lines: z.array(z.string().min(1)).min(1).max(3),
  city: z.string().min(1),
  postcode: z.string(),
  state_code: z.enum(STATE_CODES as [string, ...string[]]),
});
export type SupplierProfile = z.infer<typeof supplierProfileSchema>;

export interface EInvoiceBuyer {
  name: string;
  tin: string;
  /** BRN for businesses; NRIC / passport for individuals. */
  id_scheme: "BRN" | "NRIC" | "PASSPORT" | "ARMY";
  id_value: string;
  sst_no: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface EInvoiceLine {
  description: string;
  quantity: number;
  unit_price_sen: number;
  discount_sen: number;
  /** After discount, as priced (SST included when the shop prices tax-inclusive). */
  net_sen: number;
  sst_sen: number;
  sst_rate_bp: number;
  /** true: a service (service tax 02); false: goods (sales tax 01). */
  service: boolean;
  classification_code: string;
}

type Amount = [{ _: number; currencyID: "MYR" }];
const NA = "NA";
const rm = (sen: number): Amount => [{ _: Math.round(sen) / 100, currencyID: "MYR" }];
const v = <T>(value: T): [{ _: T }] => [{ _: value }];
const TAX_SCHEME = [{ ID: [{ _: "OTH" as const, schemeID: "UN/ECE 5153" as const, schemeAgencyID: "6" as const }] }];

/** Tax type per LHDN: no SST → 06 (not applicable); services → 02 service tax; goods → 01 sales tax. */
export function taxTypeCode(line: Pick<EInvoiceLine, "sst_rate_bp" | "service">): "01" | "02" | "06" {
  if (line.sst_rate_bp === 0) return "06";
  return line.service ? "02" : "01";
}

/** Date and time in UTC as MyInvois wants them ("2026-11-30", "16:05:00Z"). */
export function issueDateTime(at: Date): { date: string; time: string } {
  const iso = at.toISOString();
  return { date: iso.slice(0, 10), time: `${iso.slice(11, 19)}Z` };
}

function splitAddress(address: string | null): string[] {
  const parts = (address ?? "").split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return [NA];
  return parts.length <= 3 ? parts : [...parts.slice(0, 2), parts.slice(2).join(", ")];
}

function address(lines: string[], city: string, postcode: string, state: string) {
  return [{
    CityName: v(city.slice(0, 50)),
    PostalZone: v(postcode),
    CountrySubentityCode: v(state),
    AddressLine: lines.map((line) => ({ Line: v(line.slice(0, 150)) })),
    Country: [{ IdentificationCode: [{ _: "MYS", listID: "ISO3166-1" as const, listAgencyID: "6" as const }] }],
  }];
}

function identifications(tin: string, scheme: EInvoiceBuyer["id_scheme"], id: string, sst: string | null) {
  return [
    { ID: [{ _: tin, schemeID: "TIN" as const }] },
    { ID: [{ _: id, schemeID: scheme }] },
    { ID: [{ _: sst || NA, schemeID: "SST" as const }] },
    { ID: [{ _: NA, schemeID: "TTX" as const }] },
  ] as const;
}

function supplierParty(s: SupplierProfile) {
  return [{
    Party: [{
      IndustryClassificationCode: [{ _: s.msic_code, name: s.msic_name }],
      PartyIdentification: identifications(s.tin, "BRN", s.brn, s.sst_no),
      PostalAddress: address(s.address_lines, s.city, s.postcode, s.state_code),
      PartyLegalEntity: [{ RegistrationName: v(s.name) }],
      Contact: [{ Telephone: v(s.phone), ...(s.email ? { ElectronicMail: v(s.email) } : {}) }],
    }],
  }];
}

function customerParty(b: EInvoiceBuyer) {
  return [{
    Party: [{
      PartyIdentification: identifications(b.tin, b.id_scheme, b.id_value, b.sst_no),
      // A buyer's city and state are not asked at the counter: "NA" and 17 (not applicable).
      PostalAddress: address(splitAddress(b.address), NA, "", "17"),
      PartyLegalEntity: [{ RegistrationName: v(b.name) }],
      Contact: [{ Telephone: v(b.phone || NA), ...(b.email ? { ElectronicMail: v(b.email) } : {}) }],
    }],
  }];
}

/** Net of SST, whether the shop prices tax-inclusive or not. */
function exclusiveSen(line: EInvoiceLine, pricesIncludeTax: boolean): number {
  return pricesIncludeTax ? line.net_sen - line.sst_sen : line.net_sen;
}

function invoiceLine(line: EInvoiceLine, index: number, pricesIncludeTax: boolean) {
  const excl = exclusiveSen(line, pricesIncludeTax);
  const beforeDiscount = excl + line.discount_sen;
  const code = taxTypeCode(line);
  return {
    ID: v(String(index + 1)),
    InvoicedQuantity: [{ _: line.quantity, unitCode: "C62" }],
    LineExtensionAmount: rm(excl),
    ...(line.discount_sen > 0
      ? { AllowanceCharge: [{ ChargeIndicator: v(false as const), AllowanceChargeReason: v("Discount"), Amount: rm(line.discount_sen) }] }
      : {}),
    TaxTotal: [{
      TaxAmount: rm(line.sst_sen),
      TaxSubtotal: [{
        TaxableAmount: rm(excl), TaxAmount: rm(line.sst_sen), Percent: v(line.sst_rate_bp / 100),
        TaxCategory: [{ ID: v(code), TaxScheme: TAX_SCHEME }],
      }],
    }],
    Item: [{
      CommodityClassification: [{ ItemClassificationCode: [{ _: line.classification_code, listID: "CLASS" as const }] }],
      Description: v(line.description.slice(0, 300)),
    }],
    Price: [{ PriceAmount: rm(Math.round(beforeDiscount / line.quantity)) }],
    ItemPriceExtension: [{ Amount: rm(beforeDiscount) }],
  };
}

function documentTaxTotal(lines: EInvoiceLine[], pricesIncludeTax: boolean) {
  const groups = new Map<string, { taxable: number; tax: number }>();
  for (const line of lines) {
    const code = taxTypeCode(line);
    const group = groups.get(code) ?? { taxable: 0, tax: 0 };
    group.taxable += exclusiveSen(line, pricesIncludeTax);
    group.tax += line.sst_sen;
    groups.set(code, group);
  }
  const tax = lines.reduce((sum, l) => sum + l.sst_sen, 0);
  return [{
    TaxAmount: rm(tax),
    TaxSubtotal: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, g]) => ({
      TaxableAmount: rm(g.taxable), TaxAmount: rm(g.tax), TaxCategory: [{ ID: v(code as "01"), TaxScheme: TAX_SCHEME }],
    })),
  }];
}

interface BuildInput {
  number: string;
  issued_at: Date;
  supplier: SupplierProfile;
  buyer: EInvoiceBuyer;
  lines: EInvoiceLine[];
  prices_include_tax: boolean;
  period?: { start: string; end: string; description: string };
}

/** Builds and validates the document; throws a ZodError naming the path when it breaks the published structure. */
export function buildMyInvoisDocument(input: BuildInput): MyInvoisDocument {
  const supplier = supplierProfileSchema.parse(input.supplier);
  const excl = input.lines.reduce((sum, l) => sum + exclusiveSen(l, input.prices_include_tax), 0);
  const tax = input.lines.reduce((sum, l) => sum + l.sst_sen, 0);
  const discount = input.lines.reduce((sum, l) => sum + l.discount_sen, 0);
  const { date, time } = issueDateTime(input.issued_at);
  const document = {
    ...INVOICE_NAMESPACES,
    Invoice: [{
      ID: v(input.number),
      IssueDate: v(date),
      IssueTime: v(time),
      InvoiceTypeCode: [{ _: "01" as const, listVersionID: "1.0" as const }],
      DocumentCurrencyCode: v("MYR" as const),
      TaxCurrencyCode: v("MYR" as const),
      ...(input.period
        ? { InvoicePeriod: [{ StartDate: v(input.period.start), EndDate: v(input.period.end), Description: v(input.period.description) }] }
        : {}),
      AccountingSupplierParty: supplierParty(supplier),
      AccountingCustomerParty: customerParty(input.buyer),
      TaxTotal: documentTaxTotal(input.lines, input.prices_include_tax),
      LegalMonetaryTotal: [{
        LineExtensionAmount: rm(excl),
        TaxExclusiveAmount: rm(excl),
        TaxInclusiveAmount: rm(excl + tax),
        ...(discount > 0 ? { AllowanceTotalAmount: rm(discount) } : {}),
        PayableAmount: rm(excl + tax),
      }],
      InvoiceLine: input.lines.map((line, i) => invoiceLine(line, i, input.prices_include_tax)),
    }],
  };
  return myInvoisDocumentSchema.parse(document);
}

/** The buyer of a consolidated e-invoice: the general public, as LHDN prescribes. */
export const GENERAL_PUBLIC_BUYER: EInvoiceBuyer = {
  name: "General Public", tin: GENERAL_PUBLIC_TIN, id_scheme: "BRN", id_value: NA, sst_no: null, phone: null, email: null, address: null,
};

export interface ConsolidatedReceipt {
  /** Receipt or invoice number, printed as the line description. */
  reference: string;
  net_sen: number;
  sst_sen: number;
  sst_rate_bp: number;
  service: boolean;
}

/** Calendar month in the shop's time zone, "2026-11" → first and last day. */
export function monthPeriod(month: string): { start: string; end: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`month must look like 2026-11, got ${month}`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, "0")}` };
}

/**
 * The monthly consolidated e-invoice for B2C sales nobody asked an e-invoice for: one line per
 * receipt (classification 004), buyer "General Public" with TIN EI00000000010.
 */
export function buildConsolidatedDocument(input: {
  number: string; month: string; issued_at: Date; supplier: SupplierProfile; receipts: ConsolidatedReceipt[]; prices_include_tax: boolean;
}): MyInvoisDocument {
  const period = monthPeriod(input.month);
  return buildMyInvoisDocument({
    number: input.number,
    issued_at: input.issued_at,
    supplier: input.supplier,
    buyer: GENERAL_PUBLIC_BUYER,
    prices_include_tax: input.prices_include_tax,
    period: { ...period, description: "Monthly" },
    lines: input.receipts.map((r) => ({
      description: r.reference, quantity: 1, unit_price_sen: r.net_sen, discount_sen: 0, net_sen: r.net_sen, sst_sen: r.sst_sen,
      sst_rate_bp: r.sst_rate_bp, service: r.service, classification_code: CONSOLIDATED_CLASSIFICATION,
    })),
  });
}
