import type { MedusaContainer } from "@medusajs/framework/types";
import { renderSalesDocument, type SalesDocumentData } from "@voltura/documents";
import { formatMYR, SHOP_TIME_ZONE, type ShopSettings } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { computeDocumentTotals } from "../../domain/lines";
import { invoicingService, notFound } from "./context";
import type { QuotationRecord, SalesInvoiceRecord } from "../../modules/invoicing/records";

export type DocumentKind = "quotation" | "invoice";

export const DEFAULT_TEMPLATES: Record<DocumentKind, { header: string; footer: string; terms: string; accent_colour: string }> = {
  quotation: { header: "", footer: "Thank you for considering us", terms: "Prices are valid until the date shown. Parts are subject to availability.", accent_colour: "#0d4a7a" },
  invoice: { header: "", footer: "Thank you for your business", terms: "Goods sold are not returnable except under warranty.", accent_colour: "#0d4a7a" },
};

export interface TemplateRow { id: string; header: string; footer: string; terms: string; accent_colour: string; logo_base64: string | null }

export async function loadTemplate(container: MedusaContainer, kind: DocumentKind): Promise<TemplateRow> {
  const [row] = await invoicingService(container).listDocumentTemplates({ id: kind });
  return row ?? { id: kind, ...DEFAULT_TEMPLATES[kind], logo_base64: null };
}

export async function loadQuotation(container: MedusaContainer, id: string): Promise<QuotationRecord> {
  const [row] = await invoicingService(container).listQuotations({ id });
  if (!row) throw notFound("Quotation", id);
  return row;
}

export async function loadInvoice(container: MedusaContainer, id: string): Promise<SalesInvoiceRecord> {
  const [row] = await invoicingService(container).listSalesInvoices({ id }, { relations: ["payments"] });
  if (!row) throw notFound("Invoice", id);
  return row;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function documentData(
  kind: DocumentKind, record: QuotationRecord | SalesInvoiceRecord, settings: ShopSettings, template: TemplateRow, extra: Partial<SalesDocumentData>,
): SalesDocumentData {
  const totals = computeDocumentTotals(record.lines, { ...settings.tax, prices_include_tax: record.prices_include_tax });
  return {
    kind,
    number: "quotation_number" in record ? record.quotation_number : record.invoice_number,
    issued_at: iso(record.issued_at),
    shop: settings.business,
    template: {
      header: template.header, footer: template.footer, terms: template.terms, accent_colour: template.accent_colour,
      ...(template.logo_base64 ? { logo: Buffer.from(template.logo_base64, "base64") } : {}),
    },
    buyer: record.buyer,
    lines: record.lines.map((line, i) => ({
      description: line.description, quantity: line.quantity, unit_price_sen: line.unit_price_sen, discount_sen: line.discount_sen,
      sst_rate_bp: totals.lines[i]!.sst_rate_bp, amount_sen: totals.lines[i]!.net_sen,
    })),
    totals: {
      subtotal_sen: record.subtotal_sen, discount_sen: record.discount_sen, sst_sen: record.sst_sen, total_sen: record.total_sen,
      prices_include_tax: record.prices_include_tax,
    },
    ...(record.notes ? { notes: record.notes } : {}),
    ...extra,
  };
}

/** The PDF of a quotation or invoice in the shop's current template. */
export async function renderDocumentPdf(container: MedusaContainer, kind: DocumentKind, id: string): Promise<{ pdf: Buffer; number: string; record: QuotationRecord | SalesInvoiceRecord }> {
  const [settings, template] = await Promise.all([loadShopSettings(container), loadTemplate(container, kind)]);
  if (kind === "quotation") {
    const q = await loadQuotation(container, id);
    const pdf = await renderSalesDocument(documentData("quotation", q, settings, template, { valid_until: iso(q.valid_until) }));
    return { pdf, number: q.quotation_number, record: q };
  }
  const inv = await loadInvoice(container, id);
  let reference: string | undefined;
  if (inv.quotation_id) {
    const [q] = await invoicingService(container).listQuotations({ id: inv.quotation_id });
    if (q) reference = `Quotation ${q.quotation_number}`;
  }
  const pdf = await renderSalesDocument(documentData("invoice", inv, settings, template, {
    ...(inv.due_at ? { due_at: iso(inv.due_at) } : {}),
    ...(reference ? { reference } : {}),
    payments: (inv.payments ?? []).map((p) => ({ method: p.method, amount_sen: p.amount_sen, paid_at: iso(p.received_at), ...(p.reference ? { reference: p.reference } : {}) })),
  }));
  return { pdf, number: inv.invoice_number, record: inv };
}

/** The message that goes with the PDF (email body, WhatsApp caption). */
export function documentMessage(record: QuotationRecord | SalesInvoiceRecord, shopName: string): string {
  if ("quotation_number" in record) {
    return `Hello ${record.buyer.name}, here is our quotation ${record.quotation_number} for ${formatMYR(record.total_sen)}, valid until ${new Date(record.valid_until).toLocaleDateString("en-MY", { timeZone: SHOP_TIME_ZONE })}. Reply to accept or ask us anything. — ${shopName}`;
  }
  const due = record.balance_sen > 0 ? ` Balance due: ${formatMYR(record.balance_sen)}.` : " Paid in full, thank you!";
  return `Hello ${record.buyer.name}, here is invoice ${record.invoice_number} for ${formatMYR(record.total_sen)}.${due} — ${shopName}`;
}
