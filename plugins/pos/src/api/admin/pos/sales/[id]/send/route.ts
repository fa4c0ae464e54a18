import { MedusaError } from "@medusajs/framework/utils";
import { formatMYR } from "@voltura/domain";
import { sendEmail } from "@voltura/mailer";
import { posSendReceiptBodySchema } from "@voltura/contracts";
import { loadShopSettings, parseOrThrow, renderShopMessage, staffRoute } from "@voltura/medusa-kit";
import { loadSale } from "../../../load-sale";
import { publishReceipt, renderSaleReceipt } from "../../receipt";
import { POS_STAFF } from "../../../roles";

/**
 * Sends the receipt. WhatsApp goes through the gateway's own route (POST /admin/whatsapp/messages,
 * context "receipt", one idempotency key per sale and number, so a second click never sends twice)
 * with the PDF stored by the file module as media. Email goes through @voltura/mailer with the PDF attached.
 */
export const POST = staffRoute(POS_STAFF, async (req, res) => {
  const body = parseOrThrow(posSendReceiptBodySchema, req.body);
  const sale = await loadSale(req.scope, req.params.id!);
  const pdf = await renderSaleReceipt(req.scope, sale, "thermal80");
  // The shop's message template `pos_receipt`, read now: an edit applies to the next receipt sent.
  const text = await renderShopMessage(req.scope, "pos_receipt", {
    receipt_number: sale.receipt_number,
    total: formatMYR(sale.rounded_total_sen),
    shop_name: (await loadShopSettings(req.scope)).business.name,
  });

  if (body.channel === "email") {
    await sendEmail({ to: body.to, subject: `Receipt ${sale.receipt_number}`, text, attachments: [{ filename: `${sale.receipt_number}.pdf`, content: pdf, contentType: "application/pdf" }] });
    res.json({ sent: true, channel: "email" });
    return;
  }
  const to = body.to ?? sale.customer_phone;
  if (!to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: to is required (the sale has no customer phone)");
  const url = await publishReceipt(req.scope, sale, pdf);
  // This very server, by the socket the request came in on: never the Host header, which the caller
  // controls (it would send the staff token wherever it named).
  const address = req.socket.localAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1";
  const self = `http://${address.includes(":") ? `[${address}]` : address}:${req.socket.localPort}`;
  const answer = await fetch(new URL("/admin/whatsapp/messages", self), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: String(req.headers.authorization ?? "") },
    body: JSON.stringify({
      to, body: text, idempotency_key: `receipt:${sale.id}:${to}`,
      media: { url, mimetype: "application/pdf", filename: `${sale.receipt_number}.pdf` }, context: { kind: "receipt", ref: sale.receipt_number },
    }),
  });
  if (!answer.ok) {
    const detail = (await answer.json().catch(() => ({}))) as { message?: string };
    res.status(answer.status === 404 ? 503 : answer.status).json({ type: "whatsapp_failed", message: detail.message ?? `WhatsApp answered ${answer.status}` });
    return;
  }
  res.json({ sent: true, channel: "whatsapp" });
});
