import { ApplicationFailure } from "@temporalio/activity";
import { renderMessage, SHOP_TIME_ZONE, type QuotationReminderOutcome } from "@voltura/domain";
import { CommerceError, InvoicingApi, sendDocumentByWhatsApp } from "@voltura/medusa-client";
import type { InvoicingActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";
import { loadOverrides } from "./message-templates.js";

/** Where the WhatsApp gateway fetches the quotation PDF (the commerce core's URL). */
function commerceUrl(): string {
  return process.env.MEDUSA_URL ?? "http://127.0.0.1:9000";
}

/** 4xx answers will not change on retry: non-retryable. 5xx / unreachable stay retryable. */
function asFailure(err: unknown, what: string): unknown {
  if (!(err instanceof CommerceError) || err.status >= 500) return err;
  return ApplicationFailure.create({ message: `${what}: ${err.status} ${err.message}`, type: "CommerceRefused", nonRetryable: true });
}

const isOptedOut = (err: unknown) =>
  err instanceof CommerceError && err.status === 409 && (err.body as { code?: string } | undefined)?.code === "opted_out";

/** Quotation follow-up: reminders by WhatsApp with the PDF, and expiry, through the commerce API. */
export function createInvoicingActivities({ commerce }: ActivityDeps): InvoicingActivities {
  const api = new InvoicingApi(commerce);
  return {
    async sendQuotationReminder({ quotationId, idempotencyKey }): Promise<QuotationReminderOutcome> {
      let quotation;
      try {
        quotation = await api.getQuotation(quotationId);
      } catch (err) {
        throw asFailure(err, `Loading quotation ${quotationId}`);
      }
      if (quotation.status !== "sent") return "closed";
      if (!quotation.buyer.phone) return "no_phone";
      // The shop's message template `quotation_reminder` (its own text when it has one), read at send time.
      const text = renderMessage("quotation_reminder", {
        nama: quotation.buyer.name,
        quotation_number: quotation.quotation_number,
        valid_until: new Date(quotation.valid_until).toLocaleDateString("en-MY", { timeZone: SHOP_TIME_ZONE }),
      }, await loadOverrides(commerce));
      try {
        await sendDocumentByWhatsApp(commerce, { kind: "quotation", id: quotationId, commerceUrl: commerceUrl(), idempotencyKey, text, contextKind: "reminder" });
        return "sent";
      } catch (err) {
        if (isOptedOut(err)) return "opted_out";
        throw asFailure(err, `Sending the reminder for ${quotation.quotation_number}`);
      }
    },

    async expireQuotation({ quotationId }) {
      try {
        const quotation = await api.getQuotation(quotationId);
        if (quotation.status !== "sent") return "closed";
        await api.changeQuotationStatus(quotationId, { status: "expired" });
        return "expired";
      } catch (err) {
        if (err instanceof CommerceError && err.status === 409) return "closed";
        throw asFailure(err, `Expiring quotation ${quotationId}`);
      }
    },
  };
}
