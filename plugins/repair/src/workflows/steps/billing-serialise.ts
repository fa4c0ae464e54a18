import { lineAmountSen, warrantyStatus } from "@voltura/domain";
import type { RepairInvoice, RepairLine, RepairPayment, RepairQuote, RepairWarranty } from "@voltura/contracts";
import type {
  RepairInvoiceRecord, RepairLineRecord, RepairPaymentRecord, RepairQuoteRecord, RepairWarrantyRecord,
} from "../../modules/repair-billing/types";
import { pricedLine, readHours } from "../../domain/billing-totals";

export const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
export const isoOrNull = (v: Date | string | null | undefined) => (v == null ? null : iso(v));

export function toApiLine(row: RepairLineRecord): RepairLine {
  return {
    id: row.id,
    repair_job_id: row.repair_job_id,
    kind: row.kind,
    title: row.title,
    sku: row.sku ?? null,
    variant_id: row.variant_id ?? null,
    product_id: row.product_id ?? null,
    inventory_item_id: row.inventory_item_id ?? null,
    grade: row.grade ?? null,
    fee_type: row.fee_type ?? null,
    quantity: Number(row.quantity),
    unit_price_sen: Number(row.unit_price_sen),
    hours: readHours(row.hours),
    rate_sen: row.rate_sen == null ? null : Number(row.rate_sen),
    amount_sen: lineAmountSen(pricedLine(row)),
    warranty_days: Number(row.warranty_days),
    taxable: row.taxable,
    waived: row.waived,
    note: row.note ?? null,
    reservation_id: row.reservation_id ?? null,
    stock_location_id: row.stock_location_id ?? null,
    consumed_at: isoOrNull(row.consumed_at),
    created_by: row.created_by,
    created_at: iso(row.created_at),
  };
}

export type { QuoteSnapshot } from "../../modules/repair-billing/models/repair-quote";

export function toApiQuote(row: RepairQuoteRecord): RepairQuote {
  const snapshot = row.snapshot;
  return {
    id: row.id,
    repair_job_id: row.repair_job_id,
    version: Number(row.version),
    status: row.status,
    lines: snapshot.lines,
    totals: snapshot.totals,
    sst_rate_bp: snapshot.sst_rate_bp,
    prices_include_tax: snapshot.prices_include_tax,
    note: row.note ?? null,
    sent_at: isoOrNull(row.sent_at),
    sent_by: row.sent_by ?? null,
    decided_at: isoOrNull(row.decided_at),
    decided_by: row.decided_by ?? null,
    decision_channel: row.decision_channel ?? null,
    decision_note: row.decision_note ?? null,
  };
}

export function toApiInvoice(row: RepairInvoiceRecord): RepairInvoice {
  return {
    id: row.id,
    repair_job_id: row.repair_job_id,
    invoice_number: row.invoice_number,
    order_id: row.order_id ?? null,
    subtotal_sen: Number(row.subtotal_sen),
    sst_sen: Number(row.sst_sen),
    total_sen: Number(row.total_sen),
    deposit_sen: Number(row.deposit_sen),
    amount_due_sen: Number(row.amount_due_sen),
    issued_at: iso(row.issued_at),
  };
}

export function toApiPayment(row: RepairPaymentRecord): RepairPayment {
  return {
    id: row.id,
    repair_job_id: row.repair_job_id,
    invoice_id: row.invoice_id ?? null,
    method: row.method,
    amount_sen: Number(row.amount_sen),
    tendered_sen: Number(row.tendered_sen),
    reference: row.reference ?? null,
    collected_by: row.collected_by ?? null,
    received_by: row.received_by,
    received_at: iso(row.received_at),
  };
}

export function toApiWarranty(row: RepairWarrantyRecord, now: Date = new Date()): RepairWarranty {
  const status = warrantyStatus({ starts_at: row.starts_at, ends_at: row.ends_at, void_reason: row.void_reason }, now);
  return {
    id: row.id,
    repair_job_id: row.repair_job_id,
    job_number: row.job_number,
    repair_line_id: row.repair_line_id,
    title: row.title,
    device: row.device,
    customer_phone: row.customer_phone,
    imei_serial: row.imei_serial ?? null,
    warranty_days: Number(row.warranty_days),
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    void_reason: row.void_reason ?? null,
    void_note: row.void_note ?? null,
    voided_at: isoOrNull(row.voided_at),
    voided_by: row.voided_by ?? null,
    state: status.state,
    days_left: status.days_left,
    claims: (row.claims ?? [])
      .map((c) => ({ id: c.id, claim_job_id: c.claim_job_id, issue: c.issue, note: c.note ?? null, created_at: iso(c.created_at) }))
      .sort((a, b) => a.created_at.localeCompare(b.created_at)),
  };
}
