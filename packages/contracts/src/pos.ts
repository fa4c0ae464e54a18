import { z } from "zod";
import { paymentMethodSchema } from "@voltura/domain";

const sen = z.number().int("must be a whole number of sen").min(0, "must not be negative");
const positiveSen = z.number().int("must be a whole number of sen").positive("must be more than 0");
const id = z.string().trim().min(1);
const key = z.string().trim().min(8, "must be at least 8 characters").max(200);

// ---- bodies -------------------------------------------------------------------------------

/** A discount as keyed at the counter: fixed sen or basis points (10% = 1000). */
export const posDiscountSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amount"), amount_sen: positiveSen }),
  z.object({ kind: z.literal("percent"), percent_bp: z.number().int().min(1).max(10_000) }),
]);
export type PosDiscount = z.infer<typeof posDiscountSchema>;

export const posTenderSchema = z.object({
  method: paymentMethodSchema,
  amount_sen: positiveSen,
  reference: z.string().trim().max(120).optional(),
});
export type PosTender = z.infer<typeof posTenderSchema>;

/** A manager's credentials typed at a cashier's till, for an approval. Checked, never stored. */
export const managerCredentialsSchema = z.object({ email: z.string().trim().email(), password: z.string().min(1).max(200) });

export const posCheckoutBodySchema = z.object({
  /** Made by the till once per sale and sent again on every retry: a replay never sells twice. */
  idempotency_key: key,
  register_id: z.string().trim().min(1).max(40).default("main"),
  customer: z.object({ phone: z.string().trim().min(6).max(32), name: z.string().trim().min(1).max(120).optional() }).nullish(),
  lines: z.array(z.object({
    variant_id: id,
    quantity: z.number().int().min(1).max(999),
    discount: posDiscountSchema.nullish(),
  })).min(1, "add at least one item").max(200),
  discount: posDiscountSchema.nullish(),
  promo_codes: z.array(z.string().trim().min(1).max(60)).max(5).default([]),
  payments: z.array(posTenderSchema).max(10).default([]),
  /** Leaves a balance due instead of refusing a short payment. */
  allow_balance_due: z.boolean().default(false),
  /** Sell items the shelf does not have (a manager must approve). */
  stock_override: z.boolean().default(false),
  manager_approval: managerCredentialsSchema.optional(),
  note: z.string().trim().max(500).optional(),
});
export type PosCheckoutBody = z.input<typeof posCheckoutBodySchema>;
export type PosCheckoutInput = z.output<typeof posCheckoutBodySchema>;

export const posSalePaymentBodySchema = z.object({
  idempotency_key: key,
  payments: z.array(posTenderSchema).min(1).max(10),
});
export type PosSalePaymentBody = z.input<typeof posSalePaymentBodySchema>;

export const posReturnBodySchema = z.object({
  idempotency_key: key,
  lines: z.array(z.object({ line_id: id, quantity: z.number().int().min(1).max(999) })).min(1, "choose at least one line"),
  restock: z.boolean().default(true),
  /** Omitted: back by the original tender (the one with the most left to refund). */
  refund_method: paymentMethodSchema.optional(),
  reason: z.string().trim().max(500).optional(),
  /** A manager's credentials, when the refund leaves the original tender or is above the limit. */
  manager_approval: managerCredentialsSchema.optional(),
});
export type PosReturnBody = z.input<typeof posReturnBodySchema>;

export const posOpenShiftBodySchema = z.object({
  register_id: z.string().trim().min(1).max(40).default("main"),
  opening_float_sen: sen,
  note: z.string().trim().max(500).optional(),
});
export const posCloseShiftBodySchema = z.object({ counted_cash_sen: sen, note: z.string().trim().max(500).optional() });

export const limit = z.object({ max_percent_bp: z.number().int().min(0).max(10_000).nullable(), max_amount_sen: sen.nullable() });
/** Discount limits, and the refund above which a manager must approve (null = no limit). */
export const posSettingsSchema = z.object({ line: limit, cart: limit, refund_approval_limit_sen: sen.nullable() });
export type PosSettings = z.infer<typeof posSettingsSchema>;
/** A settings change: a body without the refund limit keeps the stored one. */
export const posSettingsBodySchema = posSettingsSchema.extend({ refund_approval_limit_sen: sen.nullable().optional() });
export type PosSettingsBody = z.input<typeof posSettingsBodySchema>;

export const posSendReceiptBodySchema = z.discriminatedUnion("channel", [
  z.object({ channel: z.literal("whatsapp"), to: z.string().trim().min(6).max(32).optional() }),
  z.object({ channel: z.literal("email"), to: z.string().trim().email() }),
]);

export const posSalesQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(60).optional(),
  shift_id: z.string().trim().optional(),
  /** Newest first by default; `total` orders within the `from`–`to` window (one shop day in the console). */
  sort: z.enum(["-sold_at", "sold_at", "-total", "total"]).default("-sold_at"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

// ---- answers ------------------------------------------------------------------------------

export const posCatalogueItemSchema = z.object({
  variant_id: z.string(),
  product_id: z.string(),
  title: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  kind: z.enum(["product", "service"]),
  price_sen: z.number().nullable(),
  /** Units on the shelf at the shop (stocked − reserved); null for services. */
  available: z.number().nullable(),
  taxable: z.boolean(),
  sst_rate_bp: z.number().nullable(),
});
export type PosCatalogueItem = z.infer<typeof posCatalogueItemSchema>;

export const posSaleLineSchema = z.object({
  id: z.string(), position: z.number(), variant_id: z.string().nullable(), product_id: z.string().nullable(),
  title: z.string(), sku: z.string().nullable(), kind: z.enum(["product", "service"]), quantity: z.number(),
  unit_price_sen: z.number(), gross_sen: z.number(), line_discount_sen: z.number(), promotion_sen: z.number(),
  cart_discount_sen: z.number(), net_sen: z.number(), sst_rate_bp: z.number(), sst_sen: z.number(), total_sen: z.number(),
  returned_quantity: z.number(), stock_override: z.boolean(),
});
export const posPaymentSchema = z.object({
  id: z.string(), stage: z.enum(["checkout", "balance"]), method: paymentMethodSchema, amount_sen: z.number(), tendered_sen: z.number(),
  change_sen: z.number(), cash_rounding_sen: z.number(), reference: z.string().nullable(), received_by: z.string(), received_at: z.string(),
});
export const posReturnSchema = z.object({
  id: z.string(), sale_id: z.string(), lines: z.array(z.object({ line_id: z.string(), quantity: z.number(), refund_sen: z.number(), title: z.string() })),
  restock: z.boolean(), refund_method: paymentMethodSchema, refund_sen: z.number(), paid_out_sen: z.number(), cash_rounding_sen: z.number(),
  reason: z.string().nullable(), created_by: z.string(), created_by_name: z.string(), created_at: z.string(),
  /** Who approved a refund that needed a manager (or the manager who made it); null when none was needed. */
  approved_by: z.string().nullable().default(null), approved_by_name: z.string().nullable().default(null),
  approval_method: z.enum(["session", "credentials"]).nullable().default(null),
  /** The rules the refund went past (e.g. method_not_tendered, above_refund_limit). */
  approval_reasons: z.array(z.string()).default([]),
});
export const posApprovalSchema = z.object({
  id: z.string(), kind: z.enum(["stock_override", "discount"]), method: z.enum(["session", "credentials"]),
  approved_by: z.string(), approved_by_name: z.string(), requested_by: z.string(), detail: z.unknown(), created_at: z.string(),
});
export const posSaleSchema = z.object({
  id: z.string(), receipt_number: z.string(), register_id: z.string(), shift_id: z.string().nullable(), order_id: z.string().nullable(),
  customer_id: z.string().nullable(), customer_phone: z.string().nullable(), customer_name: z.string().nullable(),
  subtotal_sen: z.number(), line_discount_sen: z.number(), promotion_discount_sen: z.number(), cart_discount_sen: z.number(),
  discount_sen: z.number(), promo_codes: z.array(z.string()), sst_sen: z.number(),
  sst_by_rate: z.array(z.object({ sst_rate_bp: z.number(), taxable_sen: z.number(), sst_sen: z.number() })), sst_included: z.boolean(),
  total_sen: z.number(), cash_rounding_sen: z.number(), rounded_total_sen: z.number(), tendered_sen: z.number(), paid_sen: z.number(),
  change_sen: z.number(), balance_due_sen: z.number(), refunded_sen: z.number(), cashier_id: z.string(), cashier_name: z.string(),
  note: z.string().nullable(), sold_at: z.string(),
  lines: z.array(posSaleLineSchema), payments: z.array(posPaymentSchema), returns: z.array(posReturnSchema), approvals: z.array(posApprovalSchema),
});
export type PosSale = z.infer<typeof posSaleSchema>;
export type PosSaleLine = z.infer<typeof posSaleLineSchema>;
export type PosReturn = z.infer<typeof posReturnSchema>;

export const posSaleSummarySchema = posSaleSchema.omit({ lines: true, payments: true, returns: true, approvals: true }).extend({
  item_count: z.number(),
  methods: z.array(paymentMethodSchema),
});
export type PosSaleSummary = z.infer<typeof posSaleSummarySchema>;

export const posShiftSchema = z.object({
  id: z.string(), register_id: z.string(), status: z.enum(["open", "closed"]), opened_by: z.string(), opened_by_name: z.string(),
  opened_at: z.string(), opening_float_sen: z.number(), closed_by: z.string().nullable(), closed_by_name: z.string().nullable(),
  closed_at: z.string().nullable(), cash_sales_sen: z.number().nullable(), cash_refunds_sen: z.number().nullable(),
  expected_cash_sen: z.number().nullable(), counted_cash_sen: z.number().nullable(), variance_sen: z.number().nullable(), note: z.string().nullable(),
});
export type PosShift = z.infer<typeof posShiftSchema>;
