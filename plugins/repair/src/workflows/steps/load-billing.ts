import type { MedusaContainer } from "@medusajs/framework/types";
import type { RepairBilling } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";
import { REPAIR_BILLING_MODULE } from "../../modules/repair-billing/index";
import type RepairBillingModuleService from "../../modules/repair-billing/service";
import { loadBillingJob } from "./billing-context";
import type { RepairInvoiceRecord, RepairLineRecord, RepairQuoteRecord, RepairWarrantyClaimRecord } from "../../modules/repair-billing/types";
import { toApiInvoice, toApiLine, toApiPayment, toApiQuote, toApiWarranty } from "./billing-serialise";
import { byCreation, totalsOf } from "../../domain/billing-totals";

export function billingService(container: MedusaContainer): RepairBillingModuleService {
  return container.resolve<RepairBillingModuleService>(REPAIR_BILLING_MODULE);
}

export async function listJobLines(container: MedusaContainer, jobId: string): Promise<RepairLineRecord[]> {
  const rows = await billingService(container).listRepairLines({ repair_job_id: jobId });
  return byCreation(rows);
}

export async function findJobInvoice(container: MedusaContainer, jobId: string): Promise<RepairInvoiceRecord | null> {
  const [row] = await billingService(container).listRepairInvoices({ repair_job_id: jobId });
  return row ?? null;
}

/** The job's latest quote when it still awaits the customer's decision. */
export async function findPendingQuote(container: MedusaContainer, jobId: string): Promise<RepairQuoteRecord | null> {
  const [latest] = await billingService(container).listRepairQuotes({ repair_job_id: jobId }, { order: { version: "DESC" }, take: 1 });
  return latest?.status === "sent" ? latest : null;
}

/** The claim that opened this job, when it is a warranty claim job. */
export async function findClaimForJob(container: MedusaContainer, jobId: string): Promise<RepairWarrantyClaimRecord | null> {
  const [row] = await billingService(container).listRepairWarrantyClaims({ claim_job_id: jobId }, { relations: ["warranty"] });
  if (!row) return null;
  const { warranty, ...claim } = row;
  return { ...claim, warranty_id: warranty?.id ?? claim.warranty_id };
}

/** Everything billing knows about a job, as GET /admin/repair-jobs/:id/billing answers it. */
export async function loadRepairBilling(container: MedusaContainer, jobId: string): Promise<RepairBilling> {
  const job = await loadBillingJob(container, jobId);
  const service = billingService(container);
  const [settings, lines, quotes, invoice, payments, warranties, claim] = await Promise.all([
    loadShopSettings(container),
    listJobLines(container, job.id),
    service.listRepairQuotes({ repair_job_id: job.id }, { order: { version: "ASC" } }),
    findJobInvoice(container, job.id),
    service.listRepairPayments({ repair_job_id: job.id }, { order: { received_at: "ASC" } }),
    service.listRepairWarranties({ repair_job_id: job.id }, { relations: ["claims"], order: { created_at: "ASC" } }),
    findClaimForJob(container, job.id),
  ]);
  const apiQuotes = quotes.map(toApiQuote);
  return {
    repair_job_id: job.id,
    lines: lines.map(toApiLine),
    totals: totalsOf(lines, settings, job.deposit_sen),
    quote: apiQuotes.at(-1) ?? null,
    quotes: apiQuotes,
    invoice: invoice ? toApiInvoice(invoice) : null,
    payments: payments.map(toApiPayment),
    warranties: warranties.map((w) => toApiWarranty(w)),
    warranty_claim: claim ? { warranty_id: claim.warranty_id!, original_job_id: claim.original_job_id } : null,
  };
}
