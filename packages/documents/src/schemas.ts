import { z } from "zod";
import { deviceTypeSchema, prioritySchema, shopSettingsSchema } from "@voltura/domain";

/** Integer sen, never negative (refunds and discounts are not printed on these documents). */
const sen = z.number().int().min(0).max(100_000_000_00);
/** A UTC instant as sent by the API, e.g. "2026-03-05T07:05:00.000Z"; printed in shop time. */
const instant = z.iso.datetime({ offset: true });
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone number such as +60123456789");
const shortText = (max: number) => z.string().trim().min(1).max(max);

/** The business block of the shop settings (name, address, phones, SST no, public URL). */
export const documentShopSchema = shopSettingsSchema.shape.business;
export type DocumentShop = z.infer<typeof documentShopSchema>;

export const documentTaxSchema = shopSettingsSchema.shape.tax;
export type DocumentTax = z.infer<typeof documentTaxSchema>;

export const documentCustomerSchema = z.object({
  name: shortText(120),
  phone: e164,
});

export const documentDeviceSchema = z.object({
  /** Jenis barang. */
  type: deviceTypeSchema,
  brand: shortText(60),
  model: shortText(80),
  imei_or_serial: z.string().trim().max(60).optional(),
  colour: z.string().trim().max(40).optional(),
});

/** A logo printed in the header of quotes and invoices: PNG or JPEG bytes. */
const logoSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, "logo must be image bytes (Buffer or Uint8Array)")
  .refine(
    (b) => (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8),
    "logo must be a PNG or JPEG image",
  );

export const intakeSlipSchema = z.object({
  shop: documentShopSchema,
  /** The shop's repair terms (ShopSettings.repair.terms). */
  terms: z.string().max(4000),
  job_number: shortText(40),
  /** The customer's secret for the public tracking page: `${public_url}/track/${token}`. */
  tracking_token: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, "expected a base64url token of 22–128 characters (at least 128 bits)"),
  received_at: instant,
  received_by: z.string().trim().max(80).optional(),
  customer: documentCustomerSchema,
  device: documentDeviceSchema,
  accessories: z.array(shortText(80)).max(30),
  condition: z.string().trim().max(1000),
  reported_issue: shortText(2000),
  priority: prioritySchema,
  deposit_sen: sen,
  estimated_completion_at: instant.optional(),
});
export type IntakeSlipData = z.input<typeof intakeSlipSchema>;
export type IntakeSlip = z.output<typeof intakeSlipSchema>;

const lineBase = {
  description: shortText(300),
  /** Waived lines are printed struck through and add nothing to the total. */
  waived: z.boolean().default(false),
  /** Lines outside SST (e.g. a pass-through courier fee) are marked and left out of the SST base. */
  taxable: z.boolean().default(true),
  /** Invoice only: warranty on this line in days (0 = none). */
  warranty_days: z.number().int().min(0).max(3650).optional(),
};

export const documentLineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("part"),
    ...lineBase,
    /** Part grade: "original", "oem", "compatible" (printed with their labels) or any other text. */
    grade: z.string().trim().max(30).optional(),
    quantity: z.number().int().min(1).max(999),
    unit_price_sen: sen,
  }),
  z.object({
    kind: z.literal("labour_hourly"),
    ...lineBase,
    hours: z.number().positive().max(200)
      .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, "hours take at most 2 decimal places"),
    hourly_rate_sen: sen,
  }),
  z.object({ kind: z.literal("labour_fixed"), ...lineBase, amount_sen: sen }),
  /** Anything else with a fixed price: diagnostic fee, courier, data backup. */
  z.object({ kind: z.literal("fee"), ...lineBase, amount_sen: sen }),
]);
export type DocumentLineData = z.input<typeof documentLineSchema>;
export type DocumentLine = z.output<typeof documentLineSchema>;

const commercialBase = {
  shop: documentShopSchema,
  tax: documentTaxSchema,
  terms: z.string().max(4000),
  logo: logoSchema.optional(),
  job_number: shortText(40),
  customer: documentCustomerSchema,
  device: documentDeviceSchema,
  issued_at: instant,
  lines: z.array(documentLineSchema).min(1).max(500),
};

export const quoteDocumentSchema = z.object({
  ...commercialBase,
  quote_number: shortText(40),
  /** Quotes are revised after further diagnosis; each revision keeps its number. */
  version: z.number().int().min(1).max(99),
  diagnosis: shortText(2000),
  valid_until: instant,
  deposit_paid_sen: sen.default(0),
});
export type QuoteDocumentData = z.input<typeof quoteDocumentSchema>;
export type QuoteDocument = z.output<typeof quoteDocumentSchema>;

export const PAYMENT_METHODS = ["cash", "card", "duitnow_qr", "fpx", "ewallet", "bank_transfer", "other"] as const;

export const documentPaymentSchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  amount_sen: sen.refine((v) => v > 0, "a payment must be more than RM 0.00"),
  paid_at: instant,
  /** Card approval code, DuitNow / FPX reference, "Deposit" … */
  reference: z.string().trim().max(60).optional(),
});

export const invoiceDocumentSchema = z.object({
  ...commercialBase,
  invoice_number: shortText(40),
  /** The commerce order this invoice bills (e.g. Medusa display id "#1042"). */
  order_reference: z.string().trim().max(40).optional(),
  diagnosis: z.string().trim().max(2000).optional(),
  payments: z.array(documentPaymentSchema).max(50).default([]),
});
export type InvoiceDocumentData = z.input<typeof invoiceDocumentSchema>;
export type InvoiceDocument = z.output<typeof invoiceDocumentSchema>;
