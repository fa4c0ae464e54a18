import type { InferTypeOf } from "@medusajs/framework/types";
import type { DocumentShareLink } from "./models/document-share-link";
import type { DocumentTemplate } from "./models/document-template";
import type { EInvoiceProfile } from "./models/einvoice-profile";
import type { Quotation } from "./models/quotation";
import type { SalesInvoice } from "./models/sales-invoice";
import type { SalesInvoicePayment } from "./models/sales-invoice-payment";

/** The module's rows as its service answers them (types derived from the models). */
export type QuotationRecord = InferTypeOf<typeof Quotation>;
export type SalesInvoiceRecord = InferTypeOf<typeof SalesInvoice>;
export type InvoicePaymentRecord = InferTypeOf<typeof SalesInvoicePayment>;
export type DocumentTemplateRecord = InferTypeOf<typeof DocumentTemplate>;
export type EInvoiceProfileRecord = InferTypeOf<typeof EInvoiceProfile>;
export type DocumentShareLinkRecord = InferTypeOf<typeof DocumentShareLink>;
