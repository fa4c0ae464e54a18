import { z } from "zod";
import type { CommerceClient } from "./client.js";
import {
  documentShareLinkSchema, documentShareSchema, documentTemplateSchema, einvoiceProfileSchema, outboxEntrySchema, quotationSchema, salesInvoiceSchema, sendDocumentAnswerSchema,
  type CreateQuotationBody, type CreateSalesInvoiceBody, type DocumentShare, type DocumentShareLinkAnswer, type DocumentTemplate, type DocumentTemplateBody, type DocumentType,
  type EInvoiceProfile, type EInvoiceProfileBody, type InvoicePaymentBody, type Quotation, type QuotationStatusBody, type SalesInvoice,
  type SendDocumentBody, type UpdateQuotationBody,
} from "./invoicing.js";
import { sendWhatsAppMessage } from "./whatsapp.js";

const listQuery = (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.size ? `?${params}` : "";
};
const enc = encodeURIComponent;

/** Quotations, invoices, templates and MyInvois (plugins/invoicing) over a CommerceClient. */
export class InvoicingApi {
  constructor(private readonly client: CommerceClient) {}

  listQuotations(query: { status?: string; q?: string; sort?: "number" | "-number"; limit?: number; offset?: number } = {}) {
    return this.client.request("GET", `/admin/sales/quotations${listQuery(query)}`, z.object({ quotations: z.array(quotationSchema), count: z.number() }));
  }
  async getQuotation(id: string): Promise<Quotation> {
    return (await this.client.request("GET", `/admin/sales/quotations/${enc(id)}`, z.object({ quotation: quotationSchema }))).quotation;
  }
  async createQuotation(body: CreateQuotationBody): Promise<Quotation> {
    return (await this.client.request("POST", "/admin/sales/quotations", z.object({ quotation: quotationSchema }), body)).quotation;
  }
  async updateQuotation(id: string, body: UpdateQuotationBody): Promise<Quotation> {
    return (await this.client.request("POST", `/admin/sales/quotations/${enc(id)}`, z.object({ quotation: quotationSchema }), body)).quotation;
  }
  async changeQuotationStatus(id: string, body: QuotationStatusBody): Promise<Quotation> {
    return (await this.client.request("POST", `/admin/sales/quotations/${enc(id)}/status`, z.object({ quotation: quotationSchema }), body)).quotation;
  }
  convertQuotation(id: string) {
    return this.client.request("POST", `/admin/sales/quotations/${enc(id)}/convert`, z.object({ quotation: quotationSchema, invoice: salesInvoiceSchema }), {});
  }
  sendQuotation(id: string, body: SendDocumentBody) {
    return this.client.request("POST", `/admin/sales/quotations/${enc(id)}/send`, sendDocumentAnswerSchema, body);
  }

  listInvoices(query: { status?: string; q?: string; sort?: "number" | "-number" | "issued_at" | "-issued_at"; limit?: number; offset?: number } = {}) {
    return this.client.request("GET", `/admin/sales/invoices${listQuery(query)}`, z.object({ invoices: z.array(salesInvoiceSchema), count: z.number() }));
  }
  async getInvoice(id: string): Promise<SalesInvoice> {
    return (await this.client.request("GET", `/admin/sales/invoices/${enc(id)}`, z.object({ invoice: salesInvoiceSchema }))).invoice;
  }
  async createInvoice(body: CreateSalesInvoiceBody): Promise<SalesInvoice> {
    return (await this.client.request("POST", "/admin/sales/invoices", z.object({ invoice: salesInvoiceSchema }), body)).invoice;
  }
  async recordInvoicePayment(id: string, body: InvoicePaymentBody): Promise<SalesInvoice> {
    return (await this.client.request("POST", `/admin/sales/invoices/${enc(id)}/payments`, z.object({ invoice: salesInvoiceSchema }), body)).invoice;
  }
  sendInvoice(id: string, body: SendDocumentBody) {
    return this.client.request("POST", `/admin/sales/invoices/${enc(id)}/send`, sendDocumentAnswerSchema, body);
  }
  async shareDocument(kind: DocumentType, id: string): Promise<DocumentShare> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return (await this.client.request("POST", `/admin/sales/${base}/${enc(id)}/share`, z.object({ share: documentShareSchema }), {})).share;
  }

  /** The document's issued WhatsApp links, newest first. */
  async listShareLinks(kind: DocumentType, id: string): Promise<DocumentShareLinkAnswer[]> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return (await this.client.request("GET", `/admin/sales/${base}/${enc(id)}/share`, z.object({ links: z.array(documentShareLinkSchema) }))).links;
  }
  /** Managers: every open link of the document stops working at once. */
  async revokeShareLinks(kind: DocumentType, id: string): Promise<{ revoked: number }> {
    const base = kind === "quotation" ? "quotations" : "invoices";
    return this.client.request("POST", `/admin/sales/${base}/${enc(id)}/share/revoke`, z.object({ revoked: z.number(), links: z.array(documentShareLinkSchema) }), {});
  }

  async listTemplates(): Promise<DocumentTemplate[]> {
    return (await this.client.request("GET", "/admin/sales/templates", z.object({ templates: z.array(documentTemplateSchema) }))).templates;
  }
  async saveTemplate(type: DocumentType, body: DocumentTemplateBody): Promise<DocumentTemplate> {
    return (await this.client.request("POST", `/admin/sales/templates/${type}`, z.object({ template: documentTemplateSchema }), body)).template;
  }
  async getEInvoiceProfile(): Promise<EInvoiceProfile> {
    return (await this.client.request("GET", "/admin/sales/einvoice-profile", z.object({ profile: einvoiceProfileSchema }))).profile;
  }
  async saveEInvoiceProfile(body: EInvoiceProfileBody): Promise<EInvoiceProfile> {
    return (await this.client.request("POST", "/admin/sales/einvoice-profile", z.object({ profile: einvoiceProfileSchema }), body)).profile;
  }
  async listMailOutbox() {
    return (await this.client.request("GET", "/admin/sales/mail-outbox", z.object({ messages: z.array(outboxEntrySchema) }))).messages;
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
