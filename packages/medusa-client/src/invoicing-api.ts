import { z } from "zod";
import type { CommerceClient } from "./client.js";
import { querySuffix as listQuery } from "./query-string.js";
import {
  documentShareLinkSchema, documentShareSchema, documentTemplateSchema, einvoiceProfileSchema, invoiceListAnswerSchema, outboxEntrySchema, quotationSchema, salesInvoiceSchema, sendDocumentAnswerSchema,
  type CreateQuotationBody, type CreateSalesInvoiceBody, type DocumentShare, type DocumentShareLinkAnswer, type DocumentTemplate, type DocumentTemplateBody, type DocumentType,
  type EInvoiceProfile, type EInvoiceProfileBody, type InvoiceListQuery, type InvoicePaymentBody, type Quotation, type QuotationStatusBody, type SalesInvoice,
  type SendDocumentBody, type UpdateQuotationBody,
} from "@voltura/contracts";
import { sendWhatsAppMessage } from "./whatsapp.js";

const enc = encodeURIComponent;

/** Quotations, invoices, templates and MyInvois (plugins/invoicing) over a CommerceClient. */
export class InvoicingApi {
  constructor(private readonly client: CommerceClient) {}

  listQuotations(query: { status?: string; q?: string; sort?: "number" | "-number"; limit?: number; offset?: number } = {}) {
    return this.client.request("GET", `/admin/invoicing/quotations${listQuery(query)}`, z.object({ quotations: z.array(quotationSchema), count: z.number() }));
  }
  async getQuotation(id: string): Promise<Quotation> {
    return (await this.client.request("GET", `/admin/invoicing/quotations/${enc(id)}`, z.object({ quotation: quotationSchema }))).quotation;
  }
  async createQuotation(body: CreateQuotationBody): Promise<Quotation> {
    return (await this.client.request("POST", "/admin/invoicing/quotations", z.object({ quotation: quotationSchema }), body)).quotation;
  }
  async updateQuotation(id: string, body: UpdateQuotationBody): Promise<Quotation> {
    return (await this.client.request("POST", `/admin/invoicing/quotations/${enc(id)}`, z.object({ quotation: quotationSchema }), body)).quotation;
  }
  async changeQuotationStatus(id: string, body: QuotationStatusBody): Promise<Quotation> {
    return (await this.client.request("POST", `/admin/invoicing/quotations/${enc(id)}/status`, z.object({ quotation: quotationSchema }), body)).quotation;
  }
  convertQuotation(id: string) {
    return this.client.request("POST", `/admin/invoicing/quotations/${enc(id)}/convert`, z.object({ quotation: quotationSchema, invoice: salesInvoiceSchema }), {});
  }
  sendQuotation(id: string, body: SendDocumentBody) {
    return this.client.request("POST", `/admin/invoicing/quotations/${enc(id)}/send`, sendDocumentAnswerSchema, body);
  }

  listInvoices(query: { status?: string; q?: string; sort?: "number" | "-number" | "issued_at" | "-issued_at"; limit?: number; offset?: number } = {}) {
    return this.client.request("GET", `/admin/invoicing/invoices${listQuery(query)}`, z.object({ invoices: z.array(salesInvoiceSchema), count: z.number() }));
  }
  /** Both kinds of invoice, repair and direct, in one list (see invoiceListQuerySchema). */
  listAllInvoices(query: InvoiceListQuery = {}) {
    return this.client.request("GET", `/admin/invoicing/invoice-list${listQuery(query)}`, invoiceListAnswerSchema);
  }
  async getInvoice(id: string): Promise<SalesInvoice> {
    return (await this.client.request("GET", `/admin/invoicing/invoices/${enc(id)}`, z.object({ invoice: salesInvoiceSchema }))).invoice;
  }
  async createInvoice(body: CreateSalesInvoiceBody): Promise<SalesInvoice> {
    return (await this.client.request("POST", "/admin/invoicing/invoices", z.object({ invoice: salesInvoiceSchema }), body)).invoice;
  }
  async recordInvoicePayment(id: string, body: InvoicePaymentBody): Promise<SalesInvoice> {
    return (await this.client.request("POST", `/admin/invoicing/invoices/${enc(id)}/payments`, z.object({ invoice: salesInvoiceSchema }), body)).invoice;
  }
  sendInvoice(id: string, body: SendDocumentBody) {
    return this.client.request("POST", `/admin/invoicing/invoices/${enc(id)}/send`, sendDocumentAnswerSchema, body);
  }
  async shareDocument(kind: DocumentType, id: string): Promise<DocumentShare> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return (await this.client.request("POST", `/admin/invoicing/${base}/${enc(id)}/share`, z.object({ share: documentShareSchema }), {})).share;
  }

  /** The document's issued WhatsApp links, newest first. */
  async listShareLinks(kind: DocumentType, id: string): Promise<DocumentShareLinkAnswer[]> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return (await this.client.request("GET", `/admin/invoicing/${base}/${enc(id)}/share`, z.object({ links: z.array(documentShareLinkSchema) }))).links;
  }
  /** Managers: every open link of the document stops working at once. */
  async revokeShareLinks(kind: DocumentType, id: string): Promise<{ revoked: number }> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return this.client.request("POST", `/admin/invoicing/${base}/${enc(id)}/share/revoke`, z.object({ revoked: z.number(), links: z.array(documentShareLinkSchema) }), {});
  }

  async listTemplates(): Promise<DocumentTemplate[]> {
    return (await this.client.request("GET", "/admin/invoicing/templates", z.object({ templates: z.array(documentTemplateSchema) }))).templates;
  }
  async saveTemplate(type: DocumentType, body: DocumentTemplateBody): Promise<DocumentTemplate> {
    return (await this.client.request("POST", `/admin/invoicing/templates/${type}`, z.object({ template: documentTemplateSchema }), body)).template;
  }
  async getEInvoiceProfile(): Promise<EInvoiceProfile> {
    return (await this.client.request("GET", "/admin/invoicing/einvoice-profile", z.object({ profile: einvoiceProfileSchema }))).profile;
  }
  async saveEInvoiceProfile(body: EInvoiceProfileBody): Promise<EInvoiceProfile> {
    return (await this.client.request("POST", "/admin/invoicing/einvoice-profile", z.object({ profile: einvoiceProfileSchema }), body)).profile;
  }
  async listMailOutbox() {
    return (await this.client.request("GET", "/admin/invoicing/mail-outbox", z.object({ messages: z.array(outboxEntrySchema) }))).messages;
  }
}

/**
 * Sends a quotation or invoice PDF by WhatsApp through the gateway (POST /admin/whatsapp/messages).
 * The same idempotency key never sends twice. `commerceUrl` is where the gateway fetches the PDF.
 */
export async function sendDocumentByWhatsApp(
  client: CommerceClient,
  input: { kind: DocumentType; id: string; commerceUrl: string; idempotencyKey: string; to?: string | null; text?: string | null; contextKind?: "document" | "reminder" },
) {
  const share = await new InvoicingApi(client).shareDocument(input.kind, input.id);
  const to = input.to || share.phone;
  if (!to) throw new Error(`${share.number} has no phone number to send to`);
  return sendWhatsAppMessage(client, {
    to,
    body: input.text || share.text,
    media: { url: new URL(share.path, input.commerceUrl).toString(), mimetype: share.mimetype, filename: share.filename },
    idempotency_key: input.idempotencyKey,
    context: { kind: input.contextKind ?? "document", ref: share.number },
  });
}
