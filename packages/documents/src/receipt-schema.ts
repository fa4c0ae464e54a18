import { z } from "zod";
import { documentShopSchema, PAYMENT_METHODS } from "./schemas.js";

const sen = z.number().int();
const iso = z.iso.datetime({ offset: true });

/** A counter sale's receipt: everything printed, money in sen, times as ISO instants. */
export const receiptDocumentSchema = z.object({
  shop: documentShopSchema,
  /** PNG or JPEG bytes of the shop's logo, printed above its name when given. */
  logo: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "logo must be image bytes").nullish(),
  receipt_number: z.string().min(1),
  sold_at: iso,
  cashier: z.string().min(1),
  register: z.string().nullish(),
  customer: z.object({ name: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  lines: z.array(z.object({
    title: z.string().min(1),
    sku: z.string().nullish(),
    quantity: z.number().int().positive(),
    unit_price_sen: sen,
    /** Line discount, its share of the cart discount and promotions together. */
    discount_sen: sen.default(0),
    /** What the line comes to after discounts, before SST when prices exclude it. */
    net_sen: sen,
    sst_rate_bp: z.number().int().min(0),
    returned_quantity: z.number().int().min(0).default(0),
  })).min(1),
  subtotal_sen: sen,
  discount_sen: sen,
  promo_codes: z.array(z.string()).default([]),
  sst_by_rate: z.array(z.object({ sst_rate_bp: z.number().int(), taxable_sen: sen, sst_sen: sen })),
  sst_included: z.boolean(),
  total_sen: sen,
  cash_rounding_sen: sen,
  rounded_total_sen: sen,
  payments: z.array(z.object({ method: z.enum(PAYMENT_METHODS), amount_sen: sen, tendered_sen: sen, change_sen: sen.default(0), reference: z.string().nullish() })),
  change_sen: sen,
  balance_due_sen: sen,
  refunds: z.array(z.object({ at: iso, method: z.enum(PAYMENT_METHODS), refund_sen: sen, paid_out_sen: sen })).default([]),
  footer: z.string().max(600).nullish(),
});
export type ReceiptDocumentData = z.input<typeof receiptDocumentSchema>;
export type ReceiptDocument = z.output<typeof receiptDocumentSchema>;
export type ReceiptLayout = "thermal80" | "a5" | "a4";
