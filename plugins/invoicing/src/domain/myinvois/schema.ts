import { z } from "zod";

/**
 * The MyInvois (LHDN) e-invoice v1.0 document in its UBL 2.1 JSON form, as the SDK publishes it:
 * every element is an array of objects, a value sits under "_" and attributes beside it. The
 * schemas are strict (no unknown keys) and use the published cardinalities: [1-1] is an array of
 * exactly one, [0-1] an optional array of one, [1-*] at least one.
 */
const one = <T extends z.ZodType>(item: T) => z.array(item).length(1);
const optionalOne = <T extends z.ZodType>(item: T) => one(item).optional();
const text = (max: number, min = 1) => one(z.strictObject({ _: z.string().min(min).max(max) }));
const amount = one(z.strictObject({ _: z.number().min(0).multipleOf(0.01), currencyID: z.literal("MYR") }));
const date = one(z.strictObject({ _: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD") }));

export const INVOICE_NAMESPACES = {
  _D: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  _A: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  _B: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

/** LHDN tax types: 01 sales tax, 02 service tax, 03 tourism tax, 04 high-value goods tax, 05 low value goods, 06 not applicable, E exempt. */
export const TAX_TYPE_CODES = ["01", "02", "03", "04", "05", "06", "E"] as const;
/** LHDN state codes 01–17 (14 = W.P. Kuala Lumpur, 17 = not applicable). */
export const STATE_CODES = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, "0"));
export const GENERAL_PUBLIC_TIN = "EI00000000010";
export const CONSOLIDATED_CLASSIFICATION = "004";

const partyId = (scheme: z.ZodType<string>) => z.strictObject({ ID: one(z.strictObject({ _: z.string().min(1).max(20), schemeID: scheme })) });
const tinId = partyId(z.literal("TIN"));
const registrationId = partyId(z.enum(["BRN", "NRIC", "PASSPORT", "ARMY"]));
const sstId = partyId(z.literal("SST"));
const ttxId = partyId(z.literal("TTX"));

const addressSchema = z.strictObject({
  CityName: text(50),
  PostalZone: text(50, 0).optional(),
  CountrySubentityCode: one(z.strictObject({ _: z.enum(STATE_CODES as [string, ...string[]]) })),
  AddressLine: z.array(z.strictObject({ Line: text(150) })).min(1).max(3),
  Country: one(z.strictObject({
    IdentificationCode: one(z.strictObject({ _: z.string().regex(/^[A-Z]{3}$/), listID: z.literal("ISO3166-1"), listAgencyID: z.literal("6") })),
  })),
});

const contactSchema = z.strictObject({
  Telephone: text(20),
  ElectronicMail: text(320).optional(),
});

/** Identification is TIN, then BRN/NRIC/PASSPORT/ARMY, then SST, then TTX ("NA" when not registered). */
const identifications = z.tuple([tinId, registrationId, sstId, ttxId]);

export const supplierPartySchema = z.strictObject({
  Party: one(z.strictObject({
    IndustryClassificationCode: one(z.strictObject({ _: z.string().regex(/^\d{5}$/, "expected a 5-digit MSIC code"), name: z.string().min(1).max(300) })),
    PartyIdentification: identifications,
    PostalAddress: one(addressSchema),
    PartyLegalEntity: one(z.strictObject({ RegistrationName: text(300) })),
    Contact: one(contactSchema),
  })),
});

export const customerPartySchema = z.strictObject({
  Party: one(z.strictObject({
    PartyIdentification: identifications,
    PostalAddress: one(addressSchema),
    PartyLegalEntity: one(z.strictObject({ RegistrationName: text(300) })),
    Contact: one(contactSchema),
  })),
});

const taxCategory = one(z.strictObject({
  ID: one(z.strictObject({ _: z.enum(TAX_TYPE_CODES) })),
  TaxExemptionReason: text(300).optional(),
  TaxScheme: one(z.strictObject({ ID: one(z.strictObject({ _: z.literal("OTH"), schemeID: z.literal("UN/ECE 5153"), schemeAgencyID: z.literal("6") })) })),
}));

const taxSubtotal = z.strictObject({
  TaxableAmount: amount,
  TaxAmount: amount,
  Percent: optionalOne(z.strictObject({ _: z.number().min(0).max(100) })),
  TaxCategory: taxCategory,
});

const taxTotal = one(z.strictObject({ TaxAmount: amount, TaxSubtotal: z.array(taxSubtotal).min(1) }));

export const invoiceLineSchema = z.strictObject({
  ID: text(50),
  InvoicedQuantity: one(z.strictObject({ _: z.number().positive(), unitCode: z.string().min(1).max(3) })),
  LineExtensionAmount: amount,
  AllowanceCharge: z.array(z.strictObject({
    ChargeIndicator: one(z.strictObject({ _: z.literal(false) })),
    AllowanceChargeReason: text(300),
    Amount: amount,
  })).max(1).optional(),
  TaxTotal: taxTotal,
  Item: one(z.strictObject({
    CommodityClassification: z.array(z.strictObject({
      ItemClassificationCode: one(z.strictObject({ _: z.string().regex(/^\d{3}$/, "expected a 3-digit classification code"), listID: z.literal("CLASS") })),
    })).min(1),
    Description: text(300),
    OriginCountry: optionalOne(z.strictObject({ IdentificationCode: one(z.strictObject({ _: z.string().regex(/^[A-Z]{3}$/) })) })),
  })),
  Price: one(z.strictObject({ PriceAmount: amount })),
  ItemPriceExtension: one(z.strictObject({ Amount: amount })),
});

export const invoiceSchema = z.strictObject({
  ID: text(50),
  IssueDate: date,
  IssueTime: one(z.strictObject({ _: z.string().regex(/^\d{2}:\d{2}:\d{2}Z$/, "expected HH:MM:SSZ in UTC") })),
  InvoiceTypeCode: one(z.strictObject({ _: z.literal("01"), listVersionID: z.literal("1.0") })),
  DocumentCurrencyCode: one(z.strictObject({ _: z.literal("MYR") })),
  TaxCurrencyCode: optionalOne(z.strictObject({ _: z.literal("MYR") })),
  InvoicePeriod: optionalOne(z.strictObject({ StartDate: date, EndDate: date, Description: text(50) })),
  AccountingSupplierParty: one(supplierPartySchema),
  AccountingCustomerParty: one(customerPartySchema),
  TaxTotal: taxTotal,
  LegalMonetaryTotal: one(z.strictObject({
    LineExtensionAmount: amount,
    TaxExclusiveAmount: amount,
    TaxInclusiveAmount: amount,
    AllowanceTotalAmount: amount.optional(),
    PayableAmount: amount,
  })),
  InvoiceLine: z.array(invoiceLineSchema).min(1),
});

const cents = (value: number) => Math.round(value * 100);

/** The sums must agree: lines → LineExtensionAmount, subtotals → TaxAmount, exclusive + tax → inclusive. */
function checkTotals(invoice: z.infer<typeof invoiceSchema>, ctx: z.RefinementCtx): void {
  const totals = invoice.LegalMonetaryTotal[0]!;
  const lines = invoice.InvoiceLine.reduce((sum, line) => sum + cents(line.LineExtensionAmount[0]!._), 0);
  if (lines !== cents(totals.LineExtensionAmount[0]!._)) {
    ctx.addIssue({ code: "custom", path: ["Invoice", 0, "LegalMonetaryTotal", 0, "LineExtensionAmount"], message: "does not equal the sum of the lines" });
  }
  const tax = invoice.TaxTotal[0]!;
  const subtotals = tax.TaxSubtotal.reduce((sum, s) => sum + cents(s.TaxAmount[0]!._), 0);
  if (subtotals !== cents(tax.TaxAmount[0]!._)) {
    ctx.addIssue({ code: "custom", path: ["Invoice", 0, "TaxTotal", 0, "TaxAmount"], message: "does not equal the sum of the tax subtotals" });
  }
  if (cents(totals.TaxExclusiveAmount[0]!._) + cents(tax.TaxAmount[0]!._) !== cents(totals.TaxInclusiveAmount[0]!._)) {
    ctx.addIssue({ code: "custom", path: ["Invoice", 0, "LegalMonetaryTotal", 0, "TaxInclusiveAmount"], message: "is not TaxExclusiveAmount + TaxAmount" });
  }
}

export const myInvoisDocumentSchema = z.strictObject({
  _D: z.literal(INVOICE_NAMESPACES._D),
  _A: z.literal(INVOICE_NAMESPACES._A),
  _B: z.literal(INVOICE_NAMESPACES._B),
  Invoice: one(invoiceSchema),
}).superRefine((doc, ctx) => checkTotals(doc.Invoice[0]!, ctx));
export type MyInvoisDocument = z.infer<typeof myInvoisDocumentSchema>;
