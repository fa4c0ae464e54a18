import { rows, type Sql } from "@voltura/medusa-kit";

/**
 * Receipts of a campaign message: delivered / read move the recipient forward only (sent → delivered → read).
 * A row still `sending` is left as it is (the gate records the send, counts it on its number, and takes the message
 * log's status then), but the statement names it so that it waits for a record in progress: a receipt that lands
 * while dispatch/sent holds the row is applied to the row that record leaves, never lost.
 */
export async function applyMessageReceipt(db: Sql, messageId: string, at = new Date()): Promise<number> {
  const [message] = await rows(db, `SELECT idempotency_key, status FROM whatsapp_message WHERE id = ? AND direction = 'out'`, [messageId]);
  const key = message?.idempotency_key as string | undefined;
  if (!key || !key.startsWith("campaign:")) return 0;
  const status = String(message!.status);
  if (status !== "delivered" && status !== "read") return 0;
  const updated = await rows(db,
    `UPDATE campaign_recipient SET
       status = CASE WHEN status = 'sending' THEN status WHEN ? = 'read' THEN 'read' WHEN status = 'sent' THEN 'delivered' ELSE status END,
       delivered_at = CASE WHEN status = 'sending' THEN delivered_at ELSE coalesce(delivered_at, ?) END,
       read_at = CASE WHEN status <> 'sending' AND ? = 'read' THEN coalesce(read_at, ?) ELSE read_at END,
       message_id = CASE WHEN status = 'sending' THEN message_id ELSE coalesce(message_id, ?) END, updated_at = now()
     WHERE idempotency_key = ? AND status IN ('sending','sent','delivered') AND deleted_at IS NULL RETURNING id, status`,
    [status, at, status, at, messageId, key]);
  return updated.filter((r) => r.status !== "sending").length;
}

/** Stamps `column` on every campaign message sent to the phone within its campaign's reply window (first stamp wins). */
async function stampWithinReplyWindow(db: Sql, column: "replied_at" | "opted_out_at", phone: string, at: Date): Promise<number> {
  const updated = await rows(db,
    `UPDATE campaign_recipient r SET ${column} = ?, updated_at = now() FROM campaign c
      WHERE c.id = r.campaign_id AND r.phone = ? AND r.${column} IS NULL AND r.sent_at IS NOT NULL AND r.deleted_at IS NULL
        AND r.sent_at <= ? AND r.sent_at > ?::timestamptz - make_interval(days => c.reply_window_days) RETURNING r.id`,
    [at, phone, at, at]);
  return updated.length;
}

/** A customer wrote back: every campaign message to that phone within its campaign's reply window counts as replied. */
export function markReplied(db: Sql, phone: string, at: Date): Promise<number> {
  return stampWithinReplyWindow(db, "replied_at", phone, at);
}

/** A phone opted out: the campaign messages it got within their reply window are marked as the cause. */
export function markOptedOut(db: Sql, phone: string, at: Date): Promise<number> {
  return stampWithinReplyWindow(db, "opted_out_at", phone, at);
}

/** A job booked or a sale made by a recipient within its campaign's conversion window after the message. */
export async function markConverted(db: Sql, match: { phone: string | null; customer_id: string | null }, ref: string, at: Date): Promise<number> {
  if (!match.phone && !match.customer_id) return 0;
  const updated = await rows(db,
    `UPDATE campaign_recipient r SET converted_at = ?, conversion_ref = ?, updated_at = now() FROM campaign c
      WHERE c.id = r.campaign_id AND (r.phone = ? OR r.customer_id = ?) AND r.converted_at IS NULL AND r.sent_at IS NOT NULL
        AND r.deleted_at IS NULL AND r.sent_at <= ? AND r.sent_at > ?::timestamptz - make_interval(days => c.conversion_window_days)
      RETURNING r.id`,
    [at, ref, match.phone ?? "", match.customer_id ?? "", at, at]);
  return updated.length;
}

export async function repairJobConversion(db: Sql, jobId: string): Promise<number> {
  const [job] = await rows(db, `SELECT customer_phone, job_number, created_at FROM repair_job WHERE id = ? AND deleted_at IS NULL`, [jobId]);
  if (!job) return 0;
  return markConverted(db, { phone: (job.customer_phone as string | null) ?? null, customer_id: null }, `repair_job:${job.job_number}`, new Date(job.created_at as string));
}

export async function posSaleConversion(db: Sql, saleId: string): Promise<number> {
  const [sale] = await rows(db, `SELECT customer_phone, customer_id, receipt_number, created_at FROM pos_sale WHERE id = ? AND deleted_at IS NULL`, [saleId]);
  if (!sale) return 0;
  return markConverted(db, { phone: (sale.customer_phone as string | null) ?? null, customer_id: (sale.customer_id as string | null) ?? null },
    `pos_sale:${sale.receipt_number ?? saleId}`, new Date(sale.created_at as string));
}
