import { num, text, type Breach, type IntegrityCheck, type Row } from "../types";

const ringgit = (sen: number) => `RM ${(sen / 100).toFixed(2)}`;

/**
 * A completed counter sale has: its Medusa order (through the `pos_sale` ↔ `order` link, or an
 * order whose `metadata.pos_sale_id` names it), payments (`pos_payment`) adding up to the sale's
 * `paid_sen`, and a receipt number.
 */
export function posSaleRecordBreaches(rows: readonly Row[]): Breach[] {
  const out: Breach[] = [];
  for (const r of rows) {
    const id = text(r.id) ?? "?";
    const receipt = text(r.receipt_number);
    const label = `Counter sale ${receipt ?? id}`;
    const paid = num(r.paid_sen);
    const payments = num(r.payments_sen);
    if (!receipt) out.push({ kind: "receipt_number_missing", ref: id, message: `${label} is completed but has no receipt number.`, details: { sale_id: id } });
    if (num(r.linked_orders) + num(r.tagged_orders) === 0) {
      out.push({ kind: "order_missing", ref: id, message: `${label} is completed but its order is missing.`, details: { sale_id: id, receipt_number: receipt, order_id: text(r.order_id) } });
    }
    if (paid !== payments) {
      out.push({
        kind: "payments_differ", ref: id,
        message: `${label} records ${ringgit(paid)} paid but its payments add up to ${ringgit(payments)}.`,
        details: { sale_id: id, receipt_number: receipt, paid_sen: paid, payments_sen: payments, payment_count: num(r.payment_count) },
      });
    }
  }
  return out;
}

export const posSaleRecordsCheck: IntegrityCheck = {
  name: "pos_sales_complete",
  title: "Every completed counter sale has its order, payments and receipt number",
  description: "Each completed counter sale has its order (linked, or tagged with the sale), payments adding up to what the sale records as paid, and a receipt number.",
  tables: ["pos_sale", "pos_payment", "pos_pos_sale_order_order", "order"],
  // One pass over each table (grouped, then hash-joined), and only the sales that break a rule
  // come back: the check stays seconds long at hundreds of thousands of sales.
  sql: `
    WITH linked AS (
      SELECT l.pos_sale_id AS sale_id, COUNT(*) AS n FROM pos_pos_sale_order_order l
        JOIN "order" o ON o.id = l.order_id AND o.deleted_at IS NULL
       WHERE l.deleted_at IS NULL GROUP BY l.pos_sale_id),
    tagged AS (
      SELECT o.metadata ->> 'pos_sale_id' AS sale_id, COUNT(*) AS n FROM "order" o
       WHERE o.deleted_at IS NULL AND o.metadata ->> 'pos_sale_id' IS NOT NULL GROUP BY 1),
    paid AS (
      SELECT p.sale_id, SUM(p.amount_sen) AS sen, COUNT(*) AS n FROM pos_payment p
       WHERE p.deleted_at IS NULL GROUP BY p.sale_id)
    SELECT s.id, s.receipt_number, s.order_id, s.paid_sen,
      COALESCE(linked.n, 0) AS linked_orders, COALESCE(tagged.n, 0) AS tagged_orders,
      COALESCE(paid.sen, 0) AS payments_sen, COALESCE(paid.n, 0) AS payment_count
    FROM pos_sale s
      LEFT JOIN linked ON linked.sale_id = s.id
      LEFT JOIN tagged ON tagged.sale_id = s.id
      LEFT JOIN paid ON paid.sale_id = s.id
    WHERE s.status = 'completed' AND s.deleted_at IS NULL
      AND (s.receipt_number IS NULL OR s.receipt_number = ''
        OR COALESCE(linked.n, 0) + COALESCE(tagged.n, 0) = 0
        OR COALESCE(paid.sen, 0) <> s.paid_sen)
    ORDER BY s.created_at, s.id`,
  evaluate: (rows) => posSaleRecordBreaches(rows),
};
