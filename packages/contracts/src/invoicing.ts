import { z } from "zod";
import { paymentMethodSchema } from "@voltura/domain";

const sen = z.number().int("must be a whole number of sen").min(0, "must not be negative").max(10_000_000_00);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const isoDate = z.iso.datetime({ offset: true });
/**
 * Made by the client once per invoice or payment and sent again on every retry: the same key and
 * body answers what was already recorded; optional, so callers without retries need none.
 */
const idempotencyKey = z.string().trim().min(8, "must be at least 8 characters").max(200).optional();

// ---- lines and buyer (shared by quotations and invoices) -------------------------------------

/** One line of a quotation or invoice. Items carry stock (parts, accessories); services do not. */
export const salesLineSchema = z.object({
  description: z.string().trim().min(1, "is required").max(300),
  kind: z.enum(["item", "service"]).default("item"),
  product_variant_id: optionalText(80),
  sku: optionalText(60),
  quantity: z.number().int().min(1, "must be at least 1").max(9999),
  unit_price_sen: sen,
  discount_sen: sen.default(0),
  taxable: z.boolean().default(true),
  /** The line's own SST rate in basis points; absent = the shop's rate. */
  sst_rate_bp: z.number().int().min(0).max(2000).nullish().transform((v) => v ?? null),
  /** MyInvois classification code (LHDN list); 022 = "Others". */
  classification_code: z.string().regex(/^\d{3}$/, "expected a 3-digit MyInvois classification code").default("022"),
});
export type SalesLineInput = z.input<typeof salesLineSchema>;
export type SalesLine = z.output<typeof salesLineSchema>;

/** Malaysian TIN as LHDN issues it: IG… for individuals, C… companies, D/E/F… others. */
export const tinSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{8,12}0?$/, "expected a Malaysian TIN such as C20880050010 or IG12345678090");
const blankToNull = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).nullish().transform((v) => (v ? v : null));

/** Who the document is for. B2B buyers give TIN, BRN and SST no. (an e-invoice needs TIN + BRN or NRIC). */
export const salesBuyerSchema = z.object({
  name: z.string().trim().min(1, "is required").max(160),
  phone: optionalText(32),
  email: blankToNull(z.string().trim().email("must be an email address").max(254)),
  address: optionalText(400),
  tin: blankToNull(tinSchema),
  brn: optionalText(40),
  /** NRIC for an individual buyer who asks for an e-invoice (12 digits). */
  nric: blankToNull(z.string().trim().regex(/^\d{12}$/, "expected 12 digits without dashes")),
  sst_no: optionalText(40),
});
export type SalesBuyerInput = z.input<typeof salesBuyerSchema>;
export type SalesBuyer = z.output<typeof salesBuyerSchema>;

// ---- bodies ------------------------------------------------------------------------------------

/** What a new quotation and a new direct invoice both start from: the buyer and the lines. */
const newDocumentShape = {
  customer_id: optionalText(80),
  buyer: salesBuyerSchema,
  lines: z.array(salesLineSchema).min(1, "add at least one line").max(200),
};

export const createQuotationBodySchema = z.object({
  ...newDocumentShape,
  /** Days the offer stays valid (end of that day, shop time). */
  valid_days: z.number().int().min(1).max(365).default(14),
  notes: optionalText(2000),
});
export type CreateQuotationBody = z.input<typeof createQuotationBodySchema>;

export const updateQuotationBodySchema = z.object({
  buyer: salesBuyerSchema.optional(),
  lines: z.array(salesLineSchema).min(1, "add at least one line").max(200).optional(),
  valid_until: isoDate.optional(),
  notes: optionalText(2000).optional(),
});
export type UpdateQuotationBody = z.input<typeof updateQuotationBodySchema>;

export const QUOTATION_STATUSES = ["draft", "sent", "accepted", "declined", "expired", "converted"] as const;
export const quotationStatusSchema = z.enum(QUOTATION_STATUSES);
export type QuotationStatusValue = z.infer<typeof quotationStatusSchema>;

export const quotationStatusBodySchema = z.object({
  status: z.enum(["draft", "sent", "accepted", "declined", "expired"]),
});
export type QuotationStatusBody = z.input<typeof quotationStatusBodySchema>;

export const createSalesInvoiceBodySchema = z.object({
  ...newDocumentShape,
  due_days: z.number().int().min(0).max(365).default(0),
  notes: optionalText(2000),
  idempotency_key: idempotencyKey,
});
export type CreateSalesInvoiceBody = z.input<typeof createSalesInvoiceBodySchema>;

export const invoicePaymentBodySchema = z.object({
  method: paymentMethodSchema,
  amount_sen: z.number().int("must be a whole number of sen").positive("must be more than 0"),
  reference: optionalText(60),
  idempotency_key: idempotencyKey,
});
export type InvoicePaymentBody = z.input<typeof invoicePaymentBodySchema>;

/** Email sending (commerce sends it). WhatsApp goes through the gateway: see sendDocumentByWhatsApp. */
export const sendDocumentBodySchema = z.object({
  channel: z.literal("email"),
  /** Email address; defaults to the buyer's. */
  to: blankToNull(z.string().trim().email("must be an email address").max(254)),
  message: optionalText(2000),
});
export type SendDocumentBody = z.input<typeof sendDocumentBodySchema>;

export const DOCUMENT_TYPES = ["quotation", "invoice"] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentTemplateBodySchema = z.object({
  header: z.string().max(500).default(""),
  footer: z.string().max(500).default(""),
  terms: z.string().max(4000).default(""),
  accent_colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #0f766e").default("#0f766e"),
  /** PNG or JPEG as base64 (no data: prefix); null removes the logo, absent keeps it. */
  logo_base64: z.string().max(700_000).nullable().optional(),
});
export type DocumentTemplateBody = z.input<typeof documentTemplateBodySchema>;

export const einvoiceProfileBodySchema = z.object({
  tin: tinSchema,
  msic_code: z.string().regex(/^\d{5}$/, "expected a 5-digit MSIC code"),
  msic_name: z.string().trim().min(1).max(300),
  city: z.string().trim().min(1).max(50),
  postcode: z.string().trim().regex(/^\d{5}$/, "expected a 5-digit postcode"),
  state_code: z.string().regex(/^(0[1-9]|1[0-7])$/, "expected an LHDN state code 01–17"),
});
export type EInvoiceProfileBody = z.input<typeof einvoiceProfileBodySchema>;

// ---- answers -----------------------------------------------------------------------------------

const answerLine = salesLineSchema.extend({ product_variant_id: z.string().nullable(), sku: z.string().nullable(), sst_rate_bp: z.number().nullable() });
const answerBuyer = z.object({
  name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(), tin: z.string().nullable(),
  brn: z.string().nullable(), nric: z.string().nullable().default(null), sst_no: z.string().nullable(),
});

/** The buyer, lines and totals that a quotation and a direct invoice both answer. */
const documentAnswerShape = {
  customer_id: z.string().nullable(),
  buyer: answerBuyer,
  lines: z.array(answerLine),
  notes: z.string().nullable(),
  subtotal_sen: z.number(),
  discount_sen: z.number(),
  sst_sen: z.number(),
  total_sen: z.number(),
};

export const quotationSchema = z.object({
  id: z.string(),
  quotation_number: z.string(),
  status: quotationStatusSchema,
  ...documentAnswerShape,
  prices_include_tax: z.boolean(),
  issued_at: z.string(),
  valid_until: z.string(),
  sent_at: z.string().nullable(),
  decided_at: z.string().nullable(),
  converted_invoice_id: z.string().nullable(),
  created_by: z.string(),
});
export type Quotation = z.infer<typeof quotationSchema>;

export const invoicePaymentSchema = z.object({
  id: z.string(), method: paymentMethodSchema, amount_sen: z.number(), reference: z.string().nullable(), received_by: z.string(), received_at: z.string(),
});
export const salesInvoiceSchema = z.object({
  id: z.string(),
  invoice_number: z.string(),
  status: z.enum(["unpaid", "partially_paid", "paid"]),
  quotation_id: z.string().nullable(),
  ...documentAnswerShape,
  paid_sen: z.number(),
  balance_sen: z.number(),
  prices_include_tax: z.boolean(),
  issued_at: z.string(),
  due_at: z.string().nullable(),
  created_by: z.string(),
  payments: z.array(invoicePaymentSchema),
});
export type SalesInvoice = z.infer<typeof salesInvoiceSchema>;

export const documentTemplateSchema = z.object({
  type: documentTypeSchema, header: z.string(), footer: z.string(), terms: z.string(), accent_colour: z.string(), has_logo: z.boolean(),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

export const einvoiceProfileSchema = z.object({
  tin: z.string(), msic_code: z.string(), msic_name: z.string(), city: z.string(), postcode: z.string(), state_code: z.string(), configured: z.boolean(),
});
export type EInvoiceProfile = z.infer<typeof einvoiceProfileSchema>;

export const sendDocumentAnswerSchema = z.object({
  channel: z.literal("email"),
  /** "smtp", or "outbox" when SMTP is not configured (listed in the console as not sent). */
  delivery: z.enum(["smtp", "outbox"]),
  to: z.string(),
  message_id: z.string(),
});
export type SendDocumentAnswer = z.infer<typeof sendDocumentAnswerSchema>;

/** A time-limited link to a document's PDF (for WhatsApp media), the text to send with it and the buyer's phone. */
export const documentShareSchema = z.object({
  /** Path on the commerce core, signed; prefix it with the commerce URL. */
  path: z.string().startsWith("/public/"),
  filename: z.string(),
  mimetype: z.literal("application/pdf"),
  text: z.string(),
  phone: z.string().nullable(),
  number: z.string(),
  expires_at: z.string(),
});
export type DocumentShare = z.infer<typeof documentShareSchema>;

/** One issued document link: it opens until `expires_at` unless revoked. */
export const documentShareLinkSchema = z.object({
  id: z.string(),
  document_kind: z.enum(["quotation", "invoice"]),
  document_id: z.string(),
  created_at: z.string(),
  created_by: z.string().nullable(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  revoked_by: z.string().nullable(),
  active: z.boolean(),
});
export type DocumentShareLinkAnswer = z.infer<typeof documentShareLinkSchema>;

export const outboxEntrySchema = z.object({
  id: z.string(), to: z.array(z.string()), subject: z.string(), created_at: z.string(), attachments: z.array(z.string()),
  status: z.literal("not_sent"), reason: z.string(),
});

/**
 * The Invoices page lists both kinds of invoice (one INV number series): a repair job's
 * (`repair`, table repair_invoice) and a direct one (`direct`, table sales_invoice, from a
 * quotation or written at the desk).
 */
export const INVOICE_KINDS = ["repair", "direct"] as const;
export const invoiceKindSchema = z.enum(INVOICE_KINDS);
export type InvoiceKind = z.infer<typeof invoiceKindSchema>;

/** GET /admin/invoicing/invoice-list: a status filter lists direct invoices only (repair invoices have none). */
export const invoiceListQuerySchema = z.object({
  kind: invoiceKindSchema.optional(),
  status: z.string().trim().max(40).optional(),
  /** Part of the invoice number, case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** Without one: the newest issued first. */
  sort: z.enum(["number", "-number", "issued_at", "-issued_at"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(5_000).default(0),
});
export type InvoiceListQuery = Partial<Omit<z.infer<typeof invoiceListQuerySchema>, "limit" | "offset">> & { limit?: number; offset?: number };

export const invoiceListEntrySchema = z.object({
  kind: invoiceKindSchema,
  id: z.string(),
  invoice_number: z.string(),
  issued_at: z.string(),
  /** Direct invoices: the buyer; repair invoices: null (the job names its customer). */
  buyer_name: z.string().nullable(),
  total_sen: z.number().int(),
  /** Direct invoices only: repair payments are recorded on the job. */
  status: z.enum(["unpaid", "partially_paid", "paid"]).nullable(),
  balance_sen: z.number().int().nullable(),
  /** Repair invoices: the job the console links to. */
  repair_job_id: z.string().nullable(),
});
export type InvoiceListEntry = z.infer<typeof invoiceListEntrySchema>;
export const invoiceListAnswerSchema = z.object({ invoices: z.array(invoiceListEntrySchema), count: z.number().int() });
export type InvoiceListAnswer = z.infer<typeof invoiceListAnswerSchema>;
