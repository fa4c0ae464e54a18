import type { MedusaContainer } from "@medusajs/framework/types";
import { sendEmail } from "@voltura/mailer";
import type { SendDocumentAnswer } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";
import { invoicingInvalid } from "../../../workflows/steps/context";
import { documentMessage, renderDocumentPdf, type DocumentKind } from "../../../workflows/steps/documents";
import { issueShareLink } from "../../share-links";

/** Emails the PDF (SMTP, or the outbox when SMTP is not configured). */
export async function emailDocument(
  container: MedusaContainer, kind: DocumentKind, id: string, input: { to: string | null; message: string | null },
): Promise<SendDocumentAnswer> {
  const { pdf, number, record } = await renderDocumentPdf(container, kind, id);
  const to = input.to ?? record.buyer.email;
  if (!to) throw invoicingInvalid("to", "to is required: the buyer has no email address");
  const settings = await loadShopSettings(container);
  const title = kind === "quotation" ? "Quotation" : "Invoice";
  const result = await sendEmail({
    to,
    subject: `${title} ${number} from ${settings.business.name}`,
    text: input.message ?? documentMessage(record, settings.business.name),
    attachments: [{ filename: `${number}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
  return { channel: "email", delivery: result.transport, to, message_id: result.messageId };
}

/**
 * A new revocable link to the PDF (DOCUMENT_LINK_TTL_DAYS, 7 by default) and the caption, for
 * sending through the WhatsApp gateway.
 */
export async function shareDocument(container: MedusaContainer, kind: DocumentKind, id: string, createdBy: string | null = null) {
  const { number, record } = await renderDocumentPdf(container, kind, id);
  const settings = await loadShopSettings(container);
  const link = await issueShareLink(container, kind, record.id, createdBy);
  const expires = link.expiresAt;
  return {
    path: `/public/sales-documents/${link.token}`,
    filename: `${number}.pdf`,
    mimetype: "application/pdf" as const,
    text: documentMessage(record, settings.business.name),
    phone: record.buyer.phone,
    number,
    expires_at: expires.toISOString(),
  };
}
