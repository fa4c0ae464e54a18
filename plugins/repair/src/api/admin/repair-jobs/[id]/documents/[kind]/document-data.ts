import type { DocumentLineData, IntakeSlipData, InvoiceDocumentData, QuoteDocumentData } from "@voltura/documents";
import type { ShopSettings } from "@voltura/domain";
import type { RepairBilling, RepairJob, RepairLine, RepairPayment } from "@voltura/contracts";

/** How long a sent quote stays valid. */
export const QUOTE_VALID_DAYS = 14;

type Common = Pick<QuoteDocumentData, "shop" | "tax" | "terms" | "job_number" | "customer" | "device">;

function common(job: RepairJob, settings: ShopSettings): Common {
  return {
    shop: settings.business,
    tax: settings.tax,
    terms: settings.repair.terms,
    job_number: job.job_number,
    customer: { name: job.customer_name, phone: job.customer_phone },
    device: {
      type: job.device_type,
      brand: job.brand,
      model: job.model,
      imei_or_serial: job.imei_serial ?? undefined,
      colour: job.colour ?? undefined,
    },
  };
}

export function intakeSlipData(job: RepairJob, settings: ShopSettings): IntakeSlipData {
  const { shop, terms, job_number, customer, device } = common(job, settings);
  return {
    shop, terms, job_number, customer, device,
    tracking_token: job.tracking_token,
    received_at: job.received_at,
    received_by: job.created_by,
    accessories: job.accessories,
    condition: job.condition_notes ?? "",
    reported_issue: job.issue,
    priority: job.priority,
    deposit_sen: job.deposit_sen,
    estimated_completion_at: job.eta ?? undefined,
  };
}

/** Billing lines as the documents print them: labour splits into hourly and fixed. */
export function documentLine(line: RepairLine): DocumentLineData {
  const base = { description: line.title, waived: line.waived, taxable: line.taxable, warranty_days: line.warranty_days };
  if (line.kind === "part") {
    return { ...base, kind: "part", grade: line.grade ?? undefined, quantity: line.quantity, unit_price_sen: line.unit_price_sen };
  }
  if (line.kind === "labour" && line.hours !== null && line.rate_sen !== null) {
    return { ...base, kind: "labour_hourly", hours: line.hours, hourly_rate_sen: line.rate_sen };
  }
  return { ...base, kind: line.kind === "labour" ? "labour_fixed" : "fee", amount_sen: line.amount_sen };
}

export function quoteDocumentData(job: RepairJob, billing: RepairBilling, settings: ShopSettings): QuoteDocumentData | null {
  const quote = billing.quote;
  const lines = quote ? quote.lines : billing.lines;
  if (!lines.length) return null;
  const issuedAt = quote?.sent_at ?? new Date().toISOString();
  return {
    ...common(job, settings),
    tax: { ...settings.tax, sst_rate_bp: quote?.sst_rate_bp ?? settings.tax.sst_rate_bp, prices_include_tax: quote?.prices_include_tax ?? settings.tax.prices_include_tax },
    issued_at: issuedAt,
    lines: lines.map(documentLine),
    quote_number: `${job.job_number}-Q${quote?.version ?? 1}`,
    version: quote?.version ?? 1,
    diagnosis: job.diagnosis?.trim() || job.issue,
    valid_until: new Date(new Date(issuedAt).getTime() + QUOTE_VALID_DAYS * 86_400_000).toISOString(),
    deposit_paid_sen: job.deposit_sen,
  };
}

const DOCUMENT_METHOD: Record<RepairPayment["method"], NonNullable<InvoiceDocumentData["payments"]>[number]["method"]> = {
  cash: "cash", card: "card", duitnow_qr: "duitnow_qr", ewallet: "ewallet", bank_transfer: "bank_transfer",
};

export function invoiceDocumentData(job: RepairJob, billing: RepairBilling, settings: ShopSettings): InvoiceDocumentData | null {
  const invoice = billing.invoice;
  if (!invoice || !billing.lines.length) return null;
  const payments: NonNullable<InvoiceDocumentData["payments"]> = [];
  if (job.deposit_sen > 0) payments.push({ method: "other", amount_sen: job.deposit_sen, paid_at: job.received_at, reference: "Deposit at intake" });
  for (const p of billing.payments) {
    if (p.amount_sen > 0) payments.push({ method: DOCUMENT_METHOD[p.method], amount_sen: p.amount_sen, paid_at: p.received_at, reference: p.reference ?? undefined });
  }
  return {
    ...common(job, settings),
    issued_at: invoice.issued_at,
    lines: billing.lines.map(documentLine),
    invoice_number: invoice.invoice_number,
    order_reference: invoice.order_id ?? undefined,
    diagnosis: job.diagnosis ?? undefined,
    payments,
  };
}
