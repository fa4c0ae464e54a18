import { z } from "zod";
import { documentPaymentSchema, documentShopSchema } from "./schemas.js";

const sen = z.number().int().min(0).max(100_000_000_00);
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

/** PNG or JPEG bytes for the template's logo. */
const logoSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, "logo must be image bytes (Buffer or Uint8Array)")
  .refine(
    (b) => (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8),
    "logo must be a PNG or JPEG image",
  );

/** The shop's editable template for a document type: texts, accent colour and logo. */
export const salesTemplateSchema = z.object({
  header: text(500).default(""),
  footer: text(500).default(""),
  terms: text(4000).default(""),
  accent_colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #0f766e").default("#0d4a7a"),
  logo: logoSchema.optional(),
});

export const salesBuyerBlockSchema = z.object({
  name: text(160).min(1),
  phone: text(32).nullish(),
  email: text(254).nullish(),
  address: text(400).nullish(),
  tin: text(20).nullish(),
  brn: text(40).nullish(),
  nric: text(12).nullish(),
  sst_no: text(40).nullish(),
});

export const salesLineRowSchema = z.object({
  description: text(300).min(1),
  quantity: z.number().int().min(1).max(9999),
  unit_price_sen: sen,
  discount_sen: sen.default(0),
  /** 0 = no SST on this line. */
  sst_rate_bp: z.number().int().min(0).max(2000),
  /** After discount, as priced. */
  amount_sen: sen,
});

/** A counter / B2B quotation or invoice (not a repair job's): buyer with tax ids, lines with discounts. */
export const salesDocumentSchema = z.object({
  kind: z.enum(["quotation", "invoice"]),
  number: text(40).min(1),
  issued_at: instant,
  /** Quotation: last day of validity. Invoice: payment due date (optional). */
  valid_until: instant.optional(),
  due_at: instant.optional(),
  /** e.g. "Quotation QUO-2026-000012" on the invoice it became. */
  reference: text(120).optional(),
  shop: documentShopSchema,
  template: salesTemplateSchema,
  buyer: salesBuyerBlockSchema,
  lines: z.array(salesLineRowSchema).min(1).max(500),
  totals: z.object({
    subtotal_sen: sen,
    discount_sen: sen,
    sst_sen: sen,
    total_sen: sen,
    prices_include_tax: z.boolean(),
  }),
  payments: z.array(documentPaymentSchema).max(100).default([]),
  notes: text(2000).optional(),
});
export type SalesDocumentData = z.input<typeof salesDocumentSchema>;
export type SalesDocument = z.output<typeof salesDocumentSchema>;
