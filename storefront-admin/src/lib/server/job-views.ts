import { formatPhoneForDisplay } from "@voltura/domain";
import type { DashboardJob, RepairBilling, RepairJob } from "@voltura/contracts";
import { firstName } from "$lib/repair/board";
import { DEVICE_TYPE_LABELS, deviceName } from "$lib/repair/labels";
import { PAYMENT_METHOD_LABELS } from "$lib/repair/payments";
import { isoToShopLocal } from "$lib/repair/shop-time";
import { eventEntry, sortTimeline, statusEntry } from "$lib/repair/timeline";
import type { BillingView, JobCard, JobDetail } from "$lib/repair/views";
import { actorName } from "./staff-directory";
import { formatDateTime } from "$lib/i18n/format";

const shopTime = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : null);

/** A job as the board, "My jobs" and the tables show it. */
export function jobCard(job: DashboardJob): JobCard {
  return {
    id: job.id,
    jobNumber: job.job_number,
    status: job.status,
    priority: job.priority,
    customerFirstName: firstName(job.customer_name),
    customerName: job.customer_name,
    device: deviceName(job),
    deviceType: DEVICE_TYPE_LABELS[job.device_type],
    technicianName: job.technician_name,
    sla: job.sla,
    eta: shopTime(job.eta),
    issue: job.issue,
    updatedAt: formatDateTime(job.updated_at),
  };
}

/** The job workspace's view of a job: intake, desk fields, photos and the merged timeline. */
export function jobDetail(job: RepairJob, names: Map<string, string>): JobDetail {
  const timeline = sortTimeline([
    ...(job.status_history ?? []).map((h) => statusEntry(h, actorName(h.changed_by, names))),
    ...(job.events ?? []).map(eventEntry),
  ]);
  return {
    id: job.id,
    jobNumber: job.job_number,
    status: job.status,
    priority: job.priority,
    deviceType: DEVICE_TYPE_LABELS[job.device_type],
    brand: job.brand,
    model: job.model,
    issue: job.issue,
    customerId: job.customer_id,
    customerName: job.customer_name,
    customerPhone: formatPhoneForDisplay(job.customer_phone),
    customerPhoneE164: job.customer_phone,
    imeiSerial: job.imei_serial,
    colour: job.colour,
    accessories: job.accessories,
    conditionNotes: job.condition_notes,
    depositSen: job.deposit_sen,
    technicianId: job.technician_id,
    technicianName: job.technician_name,
    receivedAt: formatDateTime(job.received_at),
    eta: shopTime(job.eta),
    etaInput: isoToShopLocal(job.eta),
    diagnosis: job.diagnosis,
    createdBy: actorName(job.created_by, names),
    completedAt: shopTime(job.completed_at),
    deliveredAt: shopTime(job.delivered_at),
    trackingToken: job.tracking_token,
    sla: job.sla,
    photos: (job.photos ?? []).map((p) => ({ id: p.id, url: p.url, tag: p.tag, caption: p.caption, takenBy: p.taken_by, at: formatDateTime(p.created_at) })),
    timeline,
  };
}

/** Billing as the workspace shows it: lines, live totals, quote, invoice, payments. */
export function billingView(b: RepairBilling, names: Map<string, string>): BillingView {
  const paid = b.payments.reduce((sum, p) => sum + p.amount_sen, 0);
  const quote = b.quote;
  return {
    lines: b.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      sku: l.sku,
      grade: l.grade,
      quantity: l.quantity,
      unitPriceSen: l.unit_price_sen,
      hours: l.hours,
      rateSen: l.rate_sen,
      amountSen: l.amount_sen,
      waived: l.waived,
      warrantyDays: l.warranty_days,
      stock: l.kind !== "part" || !l.inventory_item_id ? null : l.consumed_at ? "used" : "reserved",
    })),
    totals: b.totals,
    quote: quote
      ? {
          version: quote.version,
          status: quote.status,
          totalSen: quote.totals.total_sen,
          sentAt: shopTime(quote.sent_at),
          sentBy: quote.sent_by ? actorName(quote.sent_by, names) : null,
          decidedAt: shopTime(quote.decided_at),
          decidedBy: quote.decided_by ? actorName(quote.decided_by, names) : null,
          channel: quote.decision_channel,
          decisionNote: quote.decision_note,
        }
      : null,
    invoice: b.invoice
      ? {
          number: b.invoice.invoice_number,
          issuedAt: formatDateTime(b.invoice.issued_at),
          totalSen: b.invoice.total_sen,
          depositSen: b.invoice.deposit_sen,
          amountDueSen: b.invoice.amount_due_sen,
        }
      : null,
    payments: b.payments.map((p) => ({
      id: p.id,
      method: PAYMENT_METHOD_LABELS[p.method],
      amountSen: p.amount_sen,
      tenderedSen: p.tendered_sen,
      reference: p.reference,
      collectedBy: p.collected_by,
      receivedBy: actorName(p.received_by, names),
      at: formatDateTime(p.received_at),
    })),
    outstandingSen: b.invoice ? Math.max(0, b.invoice.amount_due_sen - paid) : 0,
    claimOf: b.warranty_claim ? { warrantyId: b.warranty_claim.warranty_id, originalJobId: b.warranty_claim.original_job_id } : null,
  };
}
