import type { WhatsAppMessage } from "@voltura/contracts";
import { labelsByCode } from "$lib/i18n/labels-by-code";
import { m } from "$lib/paraglide/messages.js";

type ContextKind = NonNullable<WhatsAppMessage["context_kind"]>;

/** What each kind of outbound message is, in a shop's words. */
export const CONTEXT_KIND_LABELS = labelsByCode<ContextKind>({
  concierge: m.whatsapp_kind_concierge,
  staff: m.whatsapp_kind_staff,
  quote: m.whatsapp_kind_quote,
  reminder: m.whatsapp_kind_reminder,
  receipt: m.whatsapp_kind_receipt,
  document: m.whatsapp_kind_document,
  alert: m.whatsapp_kind_alert,
  campaign: m.whatsapp_kind_campaign,
});

/** Record pages a message's reference can open, by the record id's prefix. */
const RECORD_LINKS: readonly { prefix: string; href: (id: string) => string; label: () => string }[] = [
  { prefix: "rjob_", href: (id) => `/jobs/${id}`, label: m.whatsapp_open_job },
  { prefix: "camp_", href: (id) => `/campaigns/${id}`, label: m.whatsapp_open_campaign },
  { prefix: "psale_", href: (id) => `/pos/sales/${id}`, label: m.whatsapp_open_sale },
  { prefix: "quo_", href: (id) => `/invoicing/quotations/${id}`, label: m.whatsapp_open_quotation },
  { prefix: "sinv_", href: (id) => `/invoicing/invoices/${id}`, label: m.whatsapp_open_invoice },
];

/** A document number staff recognise (job, quotation, invoice, receipt numbers), shown as it is. */
const DOCUMENT_NUMBER = /^[A-Z]{2,5}-\d{4}-\d{3,}$/;

export interface MessageContext {
  label: string;
  /** A document number to show, when the reference is one. */
  number: string | null;
  link: { href: string; label: string } | null;
}

/**
 * The "about" column of the message log: the kind in words, plus a link to the record or its
 * document number. Internal ids are never shown as text.
 */
export function describeMessageContext(kind: ContextKind | null, ref: string | null): MessageContext | null {
  if (!kind) return null;
  const label = CONTEXT_KIND_LABELS[kind];
  if (!ref) return { label, number: null, link: null };
  const record = RECORD_LINKS.find((r) => ref.startsWith(r.prefix));
  if (record) return { label, number: null, link: { href: record.href(ref), label: record.label() } };
  const number = ref.split(":").find((part) => DOCUMENT_NUMBER.test(part)) ?? null;
  return { label, number, link: null };
}
