import { formatMYR, type RepairStatus } from "@voltura/domain";
import { type RepairBilling, type RepairJob, type SendTemplate } from "@voltura/contracts";
import { sendWhatsAppMessage, type CommerceClient, ConciergeApi } from "@voltura/medusa-client";
import { z } from "zod";
import { m } from "$lib/paraglide/messages.js";
import { deviceName } from "$lib/repair/labels";

/** What a technician can send about a job from the chat. */
export const JOB_MESSAGE_KINDS = ["diagnosis", "price", "photos", "invoice"] as const;
export type JobMessageKind = (typeof JOB_MESSAGE_KINDS)[number];

/** Built per request, so its messages come out in the staff member's language. */
export const staffSendSchema = () =>
  z.object({
    body: z.string().trim().min(1, m.inbox_type_reply()).max(4096, m.inbox_too_long()),
    nonce: z.string().trim().min(8, m.inbox_reload_retry()).max(100),
  });

export const jobActionSchema = () =>
  z.object({
    job_id: z.string().trim().min(1, m.inbox_which_job()),
    nonce: z.string().trim().min(8, m.inbox_reload_retry()).max(100),
  });

/** The chat's job messages, in the customer's two languages (the shop writes BM first). */
export function jobMessage(kind: Exclude<JobMessageKind, "photos">, job: RepairJob, billing: RepairBilling | null): string | null {
  const device = deviceName(job);
  switch (kind) {
    case "diagnosis":
      if (!job.diagnosis) return null;
      return `Diagnosis job ${job.job_number} (${device}): ${job.diagnosis}`;
    case "price": {
      if (!billing || billing.lines.length === 0) return null;
      const total = formatMYR(billing.totals.total_sen);
      return `Anggaran harga job ${job.job_number} (${device}): ${total}.\nEstimated price for job ${job.job_number} (${device}): ${total}.`;
    }
    case "invoice": {
      const invoice = billing?.invoice;
      if (!invoice) return null;
      const total = formatMYR(invoice.total_sen);
      return `Invois ${invoice.invoice_number} untuk job ${job.job_number}: ${total}. Peranti anda sedia untuk diambil.\nInvoice ${invoice.invoice_number} for job ${job.job_number}: ${total}. Your device is ready for collection.`;
    }
  }
}

/**
 * Sends as staff (context "staff", keyed by the page's nonce so a double submit sends once) and
 * tells the concierge a person answered: it claims an open handoff and resets its escalation.
 */
export async function sendAsStaff(
  commerce: CommerceClient,
  phone: string,
  key: string,
  message: { body: string; media?: { url: string; mimetype: string; caption?: string }; template?: SendTemplate; session_id?: string },
  ref?: string,
): Promise<void> {
  await sendWhatsAppMessage(commerce, {
    to: phone,
    body: message.body,
    media: message.media,
    ...(message.template ? { template: message.template, session_id: message.session_id } : {}),
    idempotency_key: key,
    context: { kind: "staff", ...(ref ? { ref } : {}) },
  });
  await new ConciergeApi(commerce).staffReplied(phone);
}

/** Statuses a technician may pick from the chat (what the job's transitions allow). */
export function statusChoices(allowed: readonly RepairStatus[]): RepairStatus[] {
  return allowed.filter((s) => s !== "delivered");
}
