import { z } from "zod";
import {
  decisionChannelSchema,
  feeTypeSchema,
  partGradeSchema,
  paymentMethodSchema,
  quoteStatusSchema,
  repairLineKindSchema,
  warrantyVoidReasonSchema,
} from "@voltura/domain";

const sen = z.number().int("must be a whole number of sen").min(0, "must not be negative");
const id = z.string().trim().min(1);
const warrantyDays = z.number().int().min(0).max(3650);
const hours = z
  .number()
  .positive("must be more than 0")
  .max(200)
  .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, "at most 2 decimal places");

// ---- bodies -------------------------------------------------------------------------------

const partLineBody = z.object({
  kind: z.literal("part"),
  variant_id: id,
  quantity: z.number().int().min(1).max(100).default(1),
  grade: partGradeSchema,
  /** Defaults to the variant's MYR price. */
  unit_price_sen: sen.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  warranty_days: warrantyDays.optional(),
  taxable: z.boolean().default(true),
});

/** Labour: hours × rate_sen, or a fixed price from a service variant, or a fixed price with a free-text title. */
const labourLineBody = z
  .object({
    kind: z.literal("labour"),
    title: z.string().trim().min(1).max(200).optional(),
    hours: hours.optional(),
    rate_sen: sen.optional(),
    variant_id: id.optional(),
    unit_price_sen: sen.optional(),
    quantity: z.number().int().min(1).max(100).default(1),
    warranty_days: warrantyDays.optional(),
    taxable: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    const hourly = b.hours !== undefined || b.rate_sen !== undefined;
    if (hourly) {
      if (b.hours === undefined) ctx.addIssue({ code: "custom", path: ["hours"], message: "is required with rate_sen" });
      if (b.rate_sen === undefined) ctx.addIssue({ code: "custom", path: ["rate_sen"], message: "is required with hours" });
      if (b.variant_id) ctx.addIssue({ code: "custom", path: ["variant_id"], message: "cannot be combined with hours × rate_sen" });
      if (b.hours !== undefined && !b.title && !b.variant_id) ctx.addIssue({ code: "custom", path: ["title"], message: "is required for hourly labour" });
      return;
    }
    if (!b.variant_id && (b.unit_price_sen === undefined || !b.title)) {
      ctx.addIssue({
        code: "custom",
        path: b.title ? ["unit_price_sen"] : ["title"],
        message: "labour needs hours + rate_sen, a service variant_id, or a title with unit_price_sen",
      });
    }
  });

const feeLineBody = z.object({
  kind: z.literal("fee"),
  fee_type: feeTypeSchema.default("diagnostic"),
  /** Defaults to the shop's diagnostic fee. */
  amount_sen: sen.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  taxable: z.boolean().default(true),
});

export const addRepairLineBodySchema = z.discriminatedUnion("kind", [partLineBody, labourLineBody, feeLineBody]);
export type AddRepairLineBody = z.input<typeof addRepairLineBodySchema>;
export type AddRepairLineInput = z.output<typeof addRepairLineBodySchema>;

export const sendQuoteBodySchema = z.object({ note: z.string().trim().max(2000).optional() });
export type SendQuoteBody = z.input<typeof sendQuoteBodySchema>;

export const decideQuoteBodySchema = z.object({
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(2000).optional(),
  channel: decisionChannelSchema.default("counter"),
});
export type DecideQuoteBody = z.input<typeof decideQuoteBodySchema>;

export const pickupPaymentSchema = z.object({
  method: paymentMethodSchema,
  amount_sen: z.number().int("must be a whole number of sen").positive("must be more than 0"),
  reference: z.string().trim().max(120).optional(),
});

export const pickupBodySchema = z.object({
  collected_by: z.string().trim().min(1, "Name of the person collecting is required").max(120),
  collected_by_ic_last4: z.string().trim().regex(/^[0-9]{4}$/, "must be the last 4 digits of the IC").optional(),
  payments: z.array(pickupPaymentSchema).max(10).default([]),
});
export type PickupBody = z.input<typeof pickupBodySchema>;

export const voidWarrantyBodySchema = z.object({
  reason: warrantyVoidReasonSchema,
  note: z.string().trim().max(2000).optional(),
});
export type VoidWarrantyBody = z.input<typeof voidWarrantyBodySchema>;

export const warrantyClaimBodySchema = z.object({
  issue: z.string().trim().min(3, "Describe the issue (at least 3 characters)").max(2000),
  note: z.string().trim().max(2000).optional(),
});
export type WarrantyClaimBody = z.input<typeof warrantyClaimBodySchema>;

export const warrantyLookupQuerySchema = z
  .object({
    imei: z.string().trim().min(4).max(40).optional(),
    phone: z.string().trim().min(6).max(32).optional(),
  })
  .refine((q) => q.imei || q.phone, { message: "give imei or phone", path: ["phone"] });
export type WarrantyLookupQuery = z.input<typeof warrantyLookupQuerySchema>;

// ---- answers ------------------------------------------------------------------------------

export const repairLineSchema = z.object({
  id: z.string(),
  repair_job_id: z.string(),
  kind: repairLineKindSchema,
  title: z.string(),
  sku: z.string().nullable(),
  variant_id: z.string().nullable(),
  product_id: z.string().nullable(),
  inventory_item_id: z.string().nullable(),
  grade: partGradeSchema.nullable(),
  fee_type: feeTypeSchema.nullable(),
  quantity: z.number(),
  unit_price_sen: z.number(),
  hours: z.number().nullable(),
  rate_sen: z.number().nullable(),
  amount_sen: z.number(),
  warranty_days: z.number(),
  taxable: z.boolean(),
  waived: z.boolean(),
  note: z.string().nullable(),
  reservation_id: z.string().nullable(),
  stock_location_id: z.string().nullable(),
  consumed_at: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
});
export type RepairLine = z.infer<typeof repairLineSchema>;

export const billingTotalsSchema = z.object({
  subtotal_sen: z.number(),
  taxable_sen: z.number(),
  sst_sen: z.number(),
  total_sen: z.number(),
  waived_sen: z.number(),
  deposit_applied_sen: z.number(),
  deposit_refund_sen: z.number(),
  amount_due_sen: z.number(),
});
export type BillingTotals = z.infer<typeof billingTotalsSchema>;

export const repairQuoteSchema = z.object({
  id: z.string(),
  repair_job_id: z.string(),
  version: z.number(),
  status: quoteStatusSchema,
  lines: z.array(repairLineSchema),
  totals: billingTotalsSchema,
  sst_rate_bp: z.number(),
  prices_include_tax: z.boolean(),
  note: z.string().nullable(),
  sent_at: z.string().nullable(),
  sent_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decided_by: z.string().nullable(),
  decision_channel: decisionChannelSchema.nullable(),
  decision_note: z.string().nullable(),
});
export type RepairQuote = z.infer<typeof repairQuoteSchema>;

export const repairInvoiceSchema = z.object({
  id: z.string(),
  repair_job_id: z.string(),
  invoice_number: z.string(),
  order_id: z.string().nullable(),
  subtotal_sen: z.number(),
  sst_sen: z.number(),
  total_sen: z.number(),
  deposit_sen: z.number(),
  amount_due_sen: z.number(),
  issued_at: z.string(),
});
export type RepairInvoice = z.infer<typeof repairInvoiceSchema>;

export const repairPaymentSchema = z.object({
  id: z.string(),
  repair_job_id: z.string(),
  invoice_id: z.string().nullable(),
  method: paymentMethodSchema,
  amount_sen: z.number(),
  /** Cash handed over; amount_sen is what stays with the shop after change. */
  tendered_sen: z.number(),
  reference: z.string().nullable(),
  collected_by: z.string().nullable(),
  received_by: z.string(),
  received_at: z.string(),
});
export type RepairPayment = z.infer<typeof repairPaymentSchema>;

export const repairWarrantySchema = z.object({
  id: z.string(),
  repair_job_id: z.string(),
  job_number: z.string(),
  repair_line_id: z.string(),
  title: z.string(),
  device: z.string(),
  customer_phone: z.string(),
  imei_serial: z.string().nullable(),
  warranty_days: z.number(),
  starts_at: z.string(),
  ends_at: z.string(),
  void_reason: warrantyVoidReasonSchema.nullable(),
  void_note: z.string().nullable(),
  voided_at: z.string().nullable(),
  voided_by: z.string().nullable(),
  state: z.enum(["active", "expired", "void"]),
  days_left: z.number(),
  claims: z.array(z.object({ id: z.string(), claim_job_id: z.string(), issue: z.string(), note: z.string().nullable(), created_at: z.string() })),
});
export type RepairWarranty = z.infer<typeof repairWarrantySchema>;

export const repairBillingSchema = z.object({
  repair_job_id: z.string(),
  lines: z.array(repairLineSchema),
  /** Live totals of the current lines with the shop's tax settings and the job's deposit. */
  totals: billingTotalsSchema,
  /** The latest quote sent for the job (null before the first is sent). */
  quote: repairQuoteSchema.nullable(),
  quotes: z.array(repairQuoteSchema),
  invoice: repairInvoiceSchema.nullable(),
  payments: z.array(repairPaymentSchema),
  warranties: z.array(repairWarrantySchema),
  /** Set when this job is a warranty claim on another job's warranty. */
  warranty_claim: z.object({ warranty_id: z.string(), original_job_id: z.string() }).nullable(),
});
export type RepairBilling = z.infer<typeof repairBillingSchema>;

export const repairBillingAnswerSchema = z.object({ billing: repairBillingSchema });
export const repairLineAnswerSchema = z.object({ line: repairLineSchema, billing: repairBillingSchema });
export const pickupAnswerSchema = z.object({
  billing: repairBillingSchema,
  change_sen: z.number(),
  paid_sen: z.number(),
});
export type PickupAnswer = z.infer<typeof pickupAnswerSchema>;
export const warrantyAnswerSchema = z.object({ warranty: repairWarrantySchema });
export const warrantyClaimAnswerSchema = z.object({ warranty: repairWarrantySchema, claim_job_id: z.string(), claim_job_number: z.string() });
export type WarrantyClaimAnswer = z.infer<typeof warrantyClaimAnswerSchema>;
export const warrantyLookupAnswerSchema = z.object({ warranties: z.array(repairWarrantySchema) });
